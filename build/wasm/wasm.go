// Package wasm compiles the app to WebAssembly. The bundle builder and the
// browser tests share it, so every app.wasm is built the same way, and
// concurrent builds (go test runs packages in parallel) wait for each other
// instead of compiling twice.
package wasm

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Package is the import path of the app, relative to the module root.
const Package = "./app"

// Flags are the go build flags for app.wasm; the Makefile's wasm target uses
// the same ones, so both share the build cache.
var Flags = []string{"-trimpath", "-ldflags=-s -w"}

// Build compiles the app in the module at root to the file out. It holds a
// lock while compiling and replaces out atomically, so a reader never sees
// a partial file. The Go build cache makes an up-to-date build take about a
// second.
func Build(ctx context.Context, root, out string) error {
	unlock, err := lock(filepath.Join(os.TempDir(), "annotator-wasm.lock"))
	if err != nil {
		return err
	}
	defer unlock()

	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())

	args := append([]string{"build"}, Flags...)
	args = append(args, "-o", tmp.Name(), Package)
	cmd := exec.CommandContext(ctx, goCommand(), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build app.wasm: %w\n%s", err, msg)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// goCommand is the go command running this program when there is one (go
// test and go run set GOROOT), else go on the PATH.
func goCommand() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ModuleRoot returns the directory of the go.mod enclosing dir.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.mod")) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
	}
}
