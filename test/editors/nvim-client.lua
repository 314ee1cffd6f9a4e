-- Drives Neovim's built-in LSP client (headless) against postmortem-language-server, as a user would:
-- open a postmortem, wait for diagnostics, ask for code actions on the blame finding (through
-- vim.lsp.buf.code_action, whose pick is answered by a stubbed vim.ui.select), apply the rewrite,
-- then edit above it and wait for the diagnostics to follow. Written for Neovim 0.7 (Debian bookworm)
-- and later. Results go to $PM_OUT as JSON; the mocha test (editors.test.ts) checks them.
local server, file, out = os.getenv('PM_SERVER'), os.getenv('PM_FILE'), os.getenv('PM_OUT')
local result = { steps = {} }
local raw_blame

local function finish(err)
  if err then result.error = err end
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function step(name) table.insert(result.steps, name) end

local ok, err = pcall(function()
  result.version = vim.version and tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) or '?'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()
  -- The diagnostic as the server sent it (UTF-16 columns), before Neovim converts it.
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
    for _, diag in ipairs(params and params.diagnostics or {}) do
      if diag.code == 'blame-language' then raw_blame = diag end
    end
    return publish(err, params, ctx, config)
  end
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { server },
    root_dir = vim.fn.fnamemodify(file, ':h:h'),
    init_options = { today = '2026-02-20' },
    -- Answered to workspace/configuration (section "postmortem").
    settings = { postmortem = { rules = { ['timeline-timezone'] = 'off' } } },
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('started')

  local function blame()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'blame-language' then return d end
    end
  end
  assert(vim.wait(20000, function() return blame() ~= nil end, 50), 'no blame-language diagnostic arrived')
  local d = blame()
  result.diagnostics = #vim.diagnostic.get(bufnr)
  result.blame = { lnum = d.lnum, col = d.col, line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1], message = d.message,
    lspCharacter = raw_blame and raw_blame.range.start.character or vim.NIL }
  step('diagnostics')

  -- The quick-fix menu: list the titles, pick the first rewrite.
  local offered
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    local pick
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      local title = action.title or (item[1] and item[1].title) or ''
      table.insert(offered, title)
      if not pick and title:match('^Rewrite') then pick = i end
    end
    on_choice(pick and items[pick] or nil, pick)
  end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local before = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  vim.lsp.buf.code_action()
  assert(vim.wait(10000, function() return offered ~= nil end, 50), 'no code actions came back')
  result.offered = offered
  assert(vim.wait(5000, function() return vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] ~= before end, 50), 'the rewrite was not applied (offered: ' .. table.concat(offered, ' | ') .. ')')
  result.rewritten = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  step('fixed')
  assert(vim.wait(20000, function() return blame() == nil end, 50), 'the blame diagnostic stayed after the fix')
  step('cleared')

  -- Edit: a new blaming sentence above; the diagnostics follow the text.
  vim.api.nvim_buf_set_lines(bufnr, d.lnum, d.lnum, false, { 'Émile’s deploy went out late because he failed to follow the runbook.', '' })
  assert(vim.wait(20000, function() local b = blame(); return b ~= nil and b.lnum == d.lnum end, 50), 'no diagnostic for the new sentence')
  local b = blame()
  result.edited = { lnum = b.lnum, col = b.col, line = vim.api.nvim_buf_get_lines(bufnr, b.lnum, b.lnum + 1, false)[1] }
  step('followed')
  vim.lsp.stop_client(client_id)
end)
finish(not ok and tostring(err) or nil)
