;;; emacs-client.el --- Drive Eglot (headless) against postmortem-language-server  -*- lexical-binding: t; -*-
;; Opens a postmortem in markdown-mode, waits for the diagnostics Flymake shows, asks Eglot for the
;; code actions on the blame finding (the menu answered by a stubbed `completing-read'), applies the
;; rewrite, then edits above it and waits for the diagnostics to follow. Written for Emacs 28 with
;; Debian's elpa-eglot (1.9) and elpa-markdown-mode. Results go to $PM_OUT as JSON for editors.test.ts.

(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'cl-lib)
(require 'json)
(require 'markdown-mode)
(require 'eglot)

(defvar pm-result (list (cons 'steps nil)))
(defun pm-set (k v) (setf (alist-get k pm-result) v))
(defun pm-step (name) (setf (alist-get 'steps pm-result) (append (alist-get 'steps pm-result) (list name))))

(defun pm-finish (err)
  (when err (pm-set 'error err))
  (with-temp-file (getenv "PM_OUT") (insert (json-encode pm-result)))
  (kill-emacs 0))

(defun pm-wait (pred seconds what)
  "Wait until PRED holds, for at most SECONDS, restarting Flymake now and then."
  (let ((deadline (+ (float-time) seconds)) (n 0))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (setq n (1+ n))
      (when (zerop (% n 20)) (ignore-errors (flymake-start))))
    (or (funcall pred) (error "Timed out waiting for %s" what))))

(defun pm-blame ()
  "The Flymake diagnostic of the blame-language finding, or nil."
  (cl-find-if (lambda (d)
                (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))))
                  (equal (plist-get lsp :code) "blame-language")))
              (flymake-diagnostics)))

(defun pm-line-at (pos) (save-excursion (goto-char pos) (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(condition-case err
    (progn
      (pm-set 'version emacs-version)
      ;; The setup the README gives: the server for markdown-mode, with initializationOptions.
      (setq eglot-server-programs
            `((markdown-mode . (,(getenv "PM_SERVER") :initializationOptions (:today "2026-02-20")))))
      ;; Answered to workspace/configuration and pushed with didChangeConfiguration.
      (setq-default eglot-workspace-configuration '((:postmortem . (:rules (:timeline-timezone "off")))))
      (find-file (getenv "PM_FILE"))
      (unless (eq major-mode 'markdown-mode) (error "%s opened in %s, not markdown-mode" (getenv "PM_FILE") major-mode))
      ;; What M-x eglot does, without its prompts (batch mode has no minibuffer).
      (apply #'eglot (eglot--guess-contact))
      (pm-wait (lambda () (eglot-current-server)) 20 "the server")
      (pm-step "started")
      (flymake-start)
      (pm-wait #'pm-blame 20 "the blame diagnostic")
      (let* ((d (pm-blame)) (beg (flymake-diagnostic-beg d)))
        (pm-set 'diagnostics (length (flymake-diagnostics)))
        (pm-set 'blame (list (cons 'line (pm-line-at beg)) (cons 'column (save-excursion (goto-char beg) (current-column)))))
        (pm-step "diagnostics")
        (let ((offered nil) (before (pm-line-at beg)) (line (line-number-at-pos beg)))
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt collection &rest _)
                       (setq offered (mapcar #'car collection))
                       (cl-find-if (lambda (title) (string-prefix-p "Rewrite" title)) offered))))
            (let ((last-nonmenu-event ?a))
              (goto-char beg)
              (eglot-code-actions beg (flymake-diagnostic-end d) nil t)))
          (pm-set 'offered offered)
          (let ((after (save-excursion (goto-char (point-min)) (forward-line (1- line)) (pm-line-at (point)))))
            (when (equal after before) (error "The rewrite was not applied (offered: %S)" offered))
            (pm-set 'rewritten after))
          (pm-step "fixed")
          (eglot--signal-textDocument/didChange)
          (pm-wait (lambda () (null (pm-blame))) 20 "the blame diagnostic to clear")
          (pm-step "cleared")
          ;; Edit: a new blaming sentence above; the diagnostics follow the text.
          (goto-char (point-min)) (forward-line (1- line))
          (insert "Émile’s deploy went out late because he failed to follow the runbook.\n\n")
          (eglot--signal-textDocument/didChange)
          (pm-wait (lambda () (let ((b (pm-blame))) (and b (= (line-number-at-pos (flymake-diagnostic-beg b)) line)))) 20 "the new sentence's diagnostic")
          (let ((b (flymake-diagnostic-beg (pm-blame))))
            (pm-set 'edited (list (cons 'line (pm-line-at b)) (cons 'column (save-excursion (goto-char b) (current-column))))))
          (pm-step "followed")))
      (ignore-errors (eglot-shutdown (eglot-current-server)))
      (pm-finish nil))
  (error (pm-finish (error-message-string err))))
