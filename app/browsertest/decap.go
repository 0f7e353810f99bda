//go:build !wasm

package browsertest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The Decap CMS scenario proves the embed protocol inside a real CMS: Decap
// CMS's admin page, served as README's "Decap CMS" section shows it, with
// decap-server as its local Git backend, and the annotator's preview
// template in its preview pane (a same-origin srcdoc iframe). The npm
// packages come from .ci/test-tools (npm ci there), pinned by its
// package-lock.json.

// TestToolsDir is where .ci/run installs the npm packages the tests drive,
// relative to the module root.
const TestToolsDir = ".ci/test-tools"

// DecapTools are the programs and files of the Decap scenario.
type DecapTools struct {
	Node    string // the node binary
	Git     string // the git binary
	CMSDist string // decap-cms's dist/ folder: decap-cms.js and its chunks
	Server  string // decap-server's entry point
	// Versions are the installed versions, by package.
	Versions map[string]string
}

// FindDecapTools locates node, git and the pinned npm packages under the
// module root. When something is missing the test is skipped, saying what
// to run, or fails under CI=true.
func FindDecapTools(tb testing.TB, root string) DecapTools {
	tb.Helper()
	tools, err := findDecapTools(root)
	if err != nil {
		if inCI() {
			tb.Fatalf("CI=true and %v", err)
		}
		tb.Skipf("skipping the Decap CMS test: %v", err)
	}
	return tools
}

func findDecapTools(root string) (DecapTools, error) {
	dir := filepath.Join(root, filepath.FromSlash(TestToolsDir))
	install := fmt.Sprintf("(npm ci --prefix %s installs them)", TestToolsDir)
	t := DecapTools{Versions: map[string]string{}}
	var err error
	if t.Node, err = exec.LookPath("node"); err != nil {
		return t, fmt.Errorf("no node on the PATH (apt-get install nodejs npm), then %s", install)
	}
	if t.Git, err = exec.LookPath("git"); err != nil {
		return t, fmt.Errorf("no git on the PATH (decap-server needs a repository)")
	}
	var pinned struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal(data, &pinned); err != nil {
		return t, fmt.Errorf("%s/package.json: %w", TestToolsDir, err)
	}
	for _, name := range []string{"decap-cms", "decap-server"} {
		var installed struct {
			Version string `json:"version"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
		if err != nil {
			return t, fmt.Errorf("npm package %s is not installed %s", name, install)
		}
		if err := json.Unmarshal(data, &installed); err != nil {
			return t, fmt.Errorf("%s's package.json: %w", name, err)
		}
		if want := pinned.Dependencies[name]; installed.Version != want {
			return t, fmt.Errorf("npm package %s is %s, %s/package.json pins %s %s", name, installed.Version, TestToolsDir, want, install)
		}
		t.Versions[name] = installed.Version
	}
	t.CMSDist = filepath.Join(dir, "node_modules", "decap-cms", "dist")
	t.Server = filepath.Join(dir, "node_modules", "decap-server", "dist", "index.js")
	for _, f := range []string{filepath.Join(t.CMSDist, "decap-cms.js"), t.Server} {
		if _, err := os.Stat(f); err != nil {
			return t, fmt.Errorf("%w %s", err, install)
		}
	}
	return t, nil
}

// DecapExample is README's "Decap CMS" section: the admin page and the
// CMS configuration a reader copies.
type DecapExample struct {
	IndexHTML, ConfigYML string
}

// exampleAnnotator is the annotator's address in README's examples.
const exampleAnnotator = "https://annotator.example.com/"

// ReadDecapExample takes the first html and yaml blocks of README's
// "### Decap CMS" section.
func ReadDecapExample(readme []byte) (DecapExample, error) {
	var ex DecapExample
	_, section, ok := bytes.Cut(readme, []byte("\n### Decap CMS\n"))
	if !ok {
		return ex, fmt.Errorf(`README has no "### Decap CMS" section`)
	}
	if i := bytes.Index(section, []byte("\n## ")); i >= 0 {
		section = section[:i]
	}
	if i := bytes.Index(section, []byte("\n### ")); i >= 0 {
		section = section[:i]
	}
	block := func(lang string) string {
		m := regexp.MustCompile("(?s)\n```" + lang + "\n(.*?)\n```").FindSubmatch(section)
		if m == nil {
			return ""
		}
		return string(m[1]) + "\n"
	}
	ex.IndexHTML, ex.ConfigYML = block("html"), block("yaml")
	switch {
	case ex.IndexHTML == "":
		return ex, fmt.Errorf("README's Decap CMS section has no html block (admin/index.html)")
	case ex.ConfigYML == "":
		return ex, fmt.Errorf("README's Decap CMS section has no yaml block (admin/config.yml)")
	}
	return ex, nil
}

// DecapServer is decap-server running on loopback over a scratch Git
// repository.
type DecapServer struct {
	Origin string // http://127.0.0.1:port
	Repo   string // the repository's folder
	cmd    *exec.Cmd
	log    *syncBuffer
}

// syncBuffer collects a program's output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// StartDecapServer makes a scratch Git repository and serves it with
// decap-server on a free loopback port; both go when tb ends.
func StartDecapServer(tb testing.TB, tools DecapTools) *DecapServer {
	tb.Helper()
	repo := tb.TempDir()
	git := func(args ...string) {
		cmd := exec.Command(tools.Git, args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("config", "user.name", "Annotator tests")
	git("config", "user.email", "tests@annotator.invalid")
	if err := os.MkdirAll(filepath.Join(repo, "content", "articles"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "README.md"), []byte("A scratch site for the annotator's Decap CMS test.\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "A scratch site")

	var lastErr error
	for range 3 { // a free port can be taken between closing and binding
		port, err := freePort()
		if err != nil {
			tb.Fatal(err)
		}
		s := &DecapServer{Origin: fmt.Sprintf("http://127.0.0.1:%d", port), Repo: repo, log: &syncBuffer{}}
		s.cmd = exec.Command(tools.Node, tools.Server)
		s.cmd.Dir = repo
		s.cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", port), "BIND_HOST=127.0.0.1", "GIT_REPO_DIRECTORY="+repo, "LOG_LEVEL=info")
		s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
		s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := s.cmd.Start(); err != nil {
			tb.Fatalf("start decap-server: %v", err)
		}
		exited := make(chan error, 1)
		go func() { exited <- s.cmd.Wait() }()
		stop := func() {
			syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
				<-exited
			}
		}
		if lastErr = waitListening(s.Origin[len("http://"):], exited, 30*time.Second); lastErr == nil {
			tb.Cleanup(stop)
			tb.Logf("decap-server %s on %s over %s", tools.Versions["decap-server"], s.Origin, repo)
			return s
		}
		stop()
		lastErr = fmt.Errorf("%w; its output:\n%s", lastErr, s.log.String())
	}
	tb.Fatalf("decap-server did not start: %v", lastErr)
	return nil
}

// Log returns what decap-server printed so far.
func (s *DecapServer) Log() string { return s.log.String() }

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitListening waits until addr accepts connections, the program exits
// or the time is up.
func waitListening(addr string, exited <-chan error, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("it exited: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("nothing listens on %s after %v", addr, wait)
}

// CMSSite is a CMS's site on a loopback origin: Decap's admin page of
// README's example at /admin/, with index.html's annotator address put in
// and decap-cms.js served beside it, and config.yml's local_backend
// pointed at the test's decap-server (README's `local_backend: true` means
// localhost:8081, which a test cannot count on).
type CMSSite struct {
	Origin string
	ln     net.Listener
}

// ListenCMS takes a free port of 127.0.0.1 for a CMS site reached as
// http://host:port, host "localhost" or "127.0.0.1": decap-server answers
// only those (its CORS rule), and they are two origins. The origin is
// known before the annotator, whose allowlist may name it, starts.
func ListenCMS(tb testing.TB, host string) *CMSSite {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	return &CMSSite{Origin: fmt.Sprintf("http://%s:%d", host, ln.Addr().(*net.TCPAddr).Port), ln: ln}
}

// ListenApp takes a free port for the annotator, on the loopback alias
// 127.0.0.2 where the machine has it, else on 127.0.0.1 (see
// listenLoopback).
func ListenApp(tb testing.TB) (net.Listener, string) {
	tb.Helper()
	return listenLoopback(tb, "127.0.0.2")
}

// Serve serves the admin page until tb ends. appBase is the annotator's
// URL, ending with a slash.
func (c *CMSSite) Serve(tb testing.TB, tools DecapTools, ex DecapExample, appBase string, backend *DecapServer) {
	tb.Helper()
	index := strings.ReplaceAll(ex.IndexHTML, exampleAnnotator, appBase)
	if index == ex.IndexHTML {
		tb.Fatalf("README's admin page does not load the annotator from %s", exampleAnnotator)
	}
	localBackend := regexp.MustCompile(`(?m)^local_backend: true$`)
	if !localBackend.MatchString(ex.ConfigYML) {
		tb.Fatalf("README's config.yml has no `local_backend: true` line")
	}
	config := localBackend.ReplaceAllLiteralString(ex.ConfigYML, fmt.Sprintf("local_backend:\n  url: %s/api/v1", backend.Origin))
	dist := http.FileServer(http.Dir(tools.CMSDist))
	mux := http.NewServeMux()
	mux.HandleFunc("/admin/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, index)
	})
	mux.HandleFunc("/admin/config.yml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/yaml; charset=utf-8")
		io.WriteString(w, config)
	})
	mux.Handle("/admin/", http.StripPrefix("/admin/", dist))
	srv := &http.Server{Handler: mux}
	go srv.Serve(c.ln)
	tb.Cleanup(func() { srv.Close() })
}

// firstLines returns the first n lines of s, for logs.
func firstLines(s string, n int) string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() && len(out) < n {
		out = append(out, sc.Text())
	}
	return strings.Join(out, "\n")
}

// DecapCMS is the scenario's set-up: the tools, the backend, the CMS on an
// allowed and on a disallowed origin, and the annotator's URL.
type DecapCMS struct {
	Tools               DecapTools
	Backend             *DecapServer
	Allowed, Disallowed *CMSSite
	App                 string // the annotator's URL, ending with a slash
}

// Serve serves README's example on both CMS origins.
func (c DecapCMS) Serve(tb testing.TB, ex DecapExample) {
	tb.Helper()
	c.Allowed.Serve(tb, c.Tools, ex, c.App, c.Backend)
	c.Disallowed.Serve(tb, c.Tools, ex, c.App, c.Backend)
}

// Shot saves a screenshot of the viewport as a PNG file.
func (p *Page) Shot(path string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.tb.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.tb.Fatal(err)
	}
}
