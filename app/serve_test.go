//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"annotator/app/site"
	"annotator/app/ui"
)

// TestMain runs the server itself, as make run does, when the tests start
// this test binary as a child process (the signal tests).
func TestMain(m *testing.M) {
	if os.Getenv("ANNOTATOR_SERVE_CHILD") == "1" {
		main()
		return
	}
	ui.Routes()
	os.Exit(m.Run())
}

func TestDisplayAddr(t *testing.T) {
	for _, c := range []struct{ requested, bound, want string }{
		{"localhost:8000", "127.0.0.1:8000", "localhost:8000"},
		{"localhost:0", "127.0.0.1:41234", "localhost:41234"},
		{":8000", "[::]:8000", "localhost:8000"},
		{"0.0.0.0:9000", "0.0.0.0:9000", "localhost:9000"},
		{"192.168.1.5:8000", "192.168.1.5:8000", "192.168.1.5:8000"},
	} {
		bound, err := net.ResolveTCPAddr("tcp", c.bound)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(c.requested, bound); got != c.want {
			t.Errorf("displayAddr(%q, %s) = %q, want %q", c.requested, c.bound, got, c.want)
		}
	}
}

func TestRunWithoutWasmSaysHowToBuildIt(t *testing.T) {
	err := run(context.Background(), "localhost:0", t.TempDir(), site.Config{}, defaultTimeouts, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("run without app.wasm: %v, want an error pointing to make wasm", err)
	}
}

func TestDefaultTimeoutsAreSet(t *testing.T) {
	for name, d := range map[string]time.Duration{
		"read header": defaultTimeouts.readHeader, "read": defaultTimeouts.read, "write": defaultTimeouts.write,
		"idle": defaultTimeouts.idle, "shutdown": defaultTimeouts.shutdown,
	} {
		if d <= 0 {
			t.Errorf("the %s timeout is %v: a client could hold the server for ever", name, d)
		}
	}
	if defaultTimeouts.readHeader > defaultTimeouts.read || defaultTimeouts.write < time.Minute {
		t.Errorf("timeouts %+v: headers must come within the read timeout, and app.wasm needs a minute on a slow line", defaultTimeouts)
	}
}

// webDir writes a web directory with the real styles, scripts and icons
// and a stand-in app.wasm of wasmBytes random bytes (random: compression
// leaves it as large).
func webDir(t *testing.T, wasmBytes int) string {
	t.Helper()
	dir := t.TempDir()
	wasm := make([]byte, wasmBytes)
	rand.Read(wasm)
	copy(wasm, "\x00asm\x01\x00\x00\x00")
	if err := os.WriteFile(filepath.Join(dir, site.WasmFile), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range site.WebFiles {
		data, err := os.ReadFile(filepath.Join("..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// listening is the address run prints once it listens.
var listening = regexp.MustCompile(`open http://([^/]+)/`)

// startRun runs the server in this process with the given timeouts and
// returns its address and a function that stops it and returns run's error.
func startRun(t *testing.T, dir string, to timeouts) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- run(ctx, "127.0.0.1:0", dir, site.Config{}, to, w); w.Close() }()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("the server printed no address: %v (%v)", err, <-done)
	}
	m := listening.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("the server printed %q", line)
	}
	go io.Copy(io.Discard, r)
	return m[1], func() error { cancel(); return <-done }
}

// TestSlowClientsAreCutOff checks the timeouts bite: a client that never
// finishes its headers, and an idle kept-alive connection, are closed.
func TestSlowClientsAreCutOff(t *testing.T) {
	to := timeouts{readHeader: 300 * time.Millisecond, read: time.Second, write: 5 * time.Second, idle: 500 * time.Millisecond, shutdown: time.Second}
	addr, stop := startRun(t, webDir(t, 1000), to)
	defer stop()

	closedWithin := func(conn net.Conn, limit time.Duration) (string, bool) {
		conn.SetReadDeadline(time.Now().Add(limit))
		got, err := io.ReadAll(conn)
		return string(got), err == nil // EOF: the server closed it
	}

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: %s\r\nX-Slow: ", addr) // and nothing more
	if got, closed := closedWithin(conn, 5*time.Second); !closed || strings.Contains(got, "200 OK") {
		t.Errorf("a client that never finished its headers was not cut off (closed %v, got %.60q)", closed, got)
	}

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	fmt.Fprintf(idle, "HEAD / HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	got, closed := closedWithin(idle, 5*time.Second)
	if !strings.HasPrefix(got, "HTTP/1.1 200 OK") || !closed {
		t.Errorf("after a request, an idle kept-alive connection stayed open (closed %v, got %.60q)", closed, got)
	}
}

// TestSignalsStopGracefully runs the server as make run does and stops it
// with SIGTERM while a large download is under way, and with SIGINT: the
// download completes, new connections are refused at once, and the server
// exits cleanly.
func TestSignalsStopGracefully(t *testing.T) {
	dir := webDir(t, 12<<20)
	start := func(t *testing.T) (*exec.Cmd, string, chan error, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0", "-web", dir)
		cmd.Env = append(os.Environ(), "ANNOTATOR_SERVE_CHILD=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill() })
		stdout := bufio.NewReader(out)
		line, err := stdout.ReadString('\n')
		m := listening.FindStringSubmatch(line)
		if err != nil || m == nil {
			t.Fatalf("the server printed %q (%v); stderr: %s", line, err, stderr.String())
		}
		var rest bytes.Buffer
		exited := make(chan error, 1)
		go func() { io.Copy(&rest, stdout); exited <- cmd.Wait() }()
		return cmd, m[1], exited, &rest
	}

	t.Run("SIGTERM during a download", func(t *testing.T) {
		cmd, addr, exited, out := start(t)
		appJS, err := http.Get("http://" + addr + "/app.js")
		if err != nil {
			t.Fatal(err)
		}
		js, _ := io.ReadAll(appJS.Body)
		appJS.Body.Close()
		wasm := regexp.MustCompile(`/web/app\.[0-9a-f]{10}\.wasm`).Find(js)
		if wasm == nil {
			t.Fatal("app.js names no app.wasm")
		}

		// A client with a small receive buffer, so that the server is still
		// writing when the signal comes: 12 MB do not fit in it and the
		// server's send buffer (4 MB at most on Linux).
		client := &http.Client{Transport: &http.Transport{
			DisableCompression: true,
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
				if err == nil {
					conn.(*net.TCPConn).SetReadBuffer(64 << 10)
				}
				return conn, err
			},
		}}
		res, err := client.Get("http://" + addr + string(wasm))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		size, _ := strconv.Atoi(res.Header.Get("Content-Length"))
		first := make([]byte, 64<<10)
		if _, err := io.ReadFull(res.Body, first); err != nil {
			t.Fatal(err)
		}

		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		// New connections are refused once the server is shutting down.
		refused := false
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if conn, err := net.DialTimeout("tcp", addr, time.Second); err != nil {
				refused = true
				break
			} else {
				conn.Close()
			}
		}
		if !refused {
			t.Error("the server still accepts connections after SIGTERM")
		}
		select {
		case err := <-exited:
			t.Fatalf("the server exited (%v) with a download in flight", err)
		default:
		}
		rest, err := io.ReadAll(res.Body)
		if err != nil || len(first)+len(rest) != size {
			t.Fatalf("the download in flight got %d of %d bytes (%v)", len(first)+len(rest), size, err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the server exited with %v after SIGTERM", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not exit after SIGTERM and the last download")
		}
		if !strings.Contains(out.String(), "stopped") {
			t.Errorf("the server did not say it stopped: %q", out.String())
		}
	})

	t.Run("SIGINT", func(t *testing.T) {
		cmd, _, exited, _ := start(t)
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the server exited with %v after SIGINT", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not exit after SIGINT")
		}
	})
}

func TestBadEmbedOriginsAreRefused(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0", "-web", t.TempDir(), "-embed-origins", "https://*.example.com")
	cmd.Env = append(os.Environ(), "ANNOTATOR_SERVE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "embed origin") {
		t.Errorf("a wildcard origin: exit %v, output %q; want a refusal naming the origin", err, out)
	}
}
