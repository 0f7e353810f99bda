// Command build writes the annotator as a static site that any static file
// server can serve:
//
//	go run ./build -out dist [-prefix /annotator] [-embed-origins https://cms.example.com]
//
// The bundle is a short table of steps (steps, below); which file each step
// touches is a second table (fileRules).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"annotator/app/site"
	"annotator/app/ui"
	"annotator/build/wasm"
)

// steps build the bundle, in order.
var steps = []step{
	{"compile app.wasm", compileWasm},
	{"copy web files", copyWebFiles},
	{"minify web files", minifyWebFiles},
	{"render pages", renderPages}, // after minify web files: the version hashes web/ as served
	{"write host headers", writeHostHeaders},
	{"minify pages", minifyPages},
	{"precompress", precompressFiles},
}

// rule says what happens to a file of the bundle.
type rule struct {
	minify   string // media type of the minifier to run, "" for none
	compress bool   // write .br and .gz siblings
}

// fileRules are the rules by file extension; files not listed are copied
// as they are.
var fileRules = map[string]rule{
	".html":        {minify: "text/html", compress: true},
	".css":         {minify: "text/css", compress: true},
	".js":          {minify: "application/javascript", compress: true},
	".json":        {minify: "application/json", compress: true},
	".webmanifest": {minify: "application/json", compress: true},
	".svg":         {minify: "image/svg+xml", compress: true},
	".wasm":        {compress: true},
	".pack":        {compress: true},
}

// step is one stage of the build.
type step struct {
	name string
	run  func(ctx context.Context, b *bundle) error
}

// bundle is the state the steps share.
type bundle struct {
	root    string       // module root
	dir     string       // directory being written
	prefix  string       // URL path the site is served under, "" for the root
	origins []string     // that may embed the embed page (site.Config.EmbedOrigins)
	version string       // content hash, set once app.wasm and the web files are in
	files   *site.Bundle // the rendered bundle, set by render pages
	cache   compressCache
	log     func(format string, args ...any)
}

func main() {
	out := flag.String("out", "dist", "`directory` to write the site to (replaced)")
	prefix := flag.String("prefix", "", "URL `path` the site will be served under, e.g. /annotator")
	origins := flag.String("embed-origins", "", "`origins` (comma-separated, like https://cms.example.com) whose pages may embed embed.html and send it texts")
	flag.Parse()
	logf := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	list, err := site.ParseOrigins(*origins)
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(2)
	}
	// Ctrl-C stops the steps between files and still removes the
	// half-written directory.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := build(ctx, *out, *prefix, list, logf); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// build runs the steps into a new directory and, when all succeed, puts it
// in place of out.
func build(ctx context.Context, out, prefix string, origins []string, logf func(string, ...any)) error {
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := checkReplaceable(out, root); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}

	ui.Routes()
	b := &bundle{root: root, dir: dir, prefix: site.NormalizePrefix(prefix), origins: origins, log: logf, cache: newCompressCache(os.Getenv("ANNOTATOR_COMPRESS_CACHE"))}
	for _, s := range steps {
		start := time.Now()
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.run(ctx, b); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		logf("%-18s %6.1fs", s.name, time.Since(start).Seconds())
	}
	// The old bundle stays until the new one is in place.
	old := dir + ".old"
	if err := os.Rename(out, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(dir, out); err != nil {
		os.Rename(old, out) // put the old one back
		return err
	}
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	logf("wrote %s (version %s)", out, b.version)
	return nil
}

// checkReplaceable refuses to replace a directory that is not a previous
// bundle: -out . or -out web would otherwise delete work.
func checkReplaceable(out, root string) error {
	web := filepath.Join(root, "web")
	if out == root || strings.HasPrefix(root, out+string(filepath.Separator)) || out == web || strings.HasPrefix(out, web+string(filepath.Separator)) {
		return fmt.Errorf("refusing to replace %s", out) // or to copy web/ into itself
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("refusing to replace %s: it holds files but no index.html, so it is not a previous bundle", out)
	}
	return nil
}
