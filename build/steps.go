package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"annotator/app/site"
	"annotator/build/wasm"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// compileWasm builds app.wasm straight into the bundle.
func compileWasm(ctx context.Context, b *bundle) error {
	if err := os.MkdirAll(filepath.Join(b.dir, "web"), 0o755); err != nil {
		return err
	}
	return wasm.Build(ctx, b.root, filepath.Join(b.dir, "web", site.WasmFile))
}

// copyWebFiles copies the styles and icons of web/, leaving out the
// developer's app.wasm and its compressed caches.
func copyWebFiles(ctx context.Context, b *bundle) error {
	src := filepath.Join(b.root, "web")
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			// .DS_Store and the like: site.NewBundle leaves them out too.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		dst := filepath.Join(b.dir, "web", name)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case name == site.WasmFile || filepath.Ext(name) == ".tmp" || site.IsPrecompressed(name) || !d.Type().IsRegular():
			return nil
		}
		return copyFile(path, dst)
	})
}

// renderPages writes the rest of the bundle as the server holds it
// (site.NewBundle): go-app's pages and scripts, and the files the pages
// name by a hash of their content (web/app.1a2b3c4d5e.wasm...). app.wasm
// itself goes: pages load it by its hashed name only.
func renderPages(ctx context.Context, b *bundle) error {
	web := filepath.Join(b.dir, "web")
	files, err := site.NewBundle(web, site.Config{Prefix: b.prefix, EmbedOrigins: b.origins})
	if err != nil {
		return err
	}
	b.version, b.files = files.Version, files
	if err := os.Remove(filepath.Join(web, site.WasmFile)); err != nil {
		return err
	}
	for _, f := range files.Files {
		path := filepath.Join(b.dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeHostHeaders writes _headers: the server's response headers per
// path, for static hosts that read it, frame-ancestors above all.
func writeHostHeaders(ctx context.Context, b *bundle) error {
	return os.WriteFile(filepath.Join(b.dir, site.HostHeadersFile), b.files.HostHeaders(), 0o644)
}

// minifyWebFiles minifies the files under web/.
func minifyWebFiles(ctx context.Context, b *bundle) error {
	return minifyFiles(filepath.Join(b.dir, "web"), nil)
}

// minifyPages minifies the rendered pages and go-app's files, all outside
// web/.
func minifyPages(ctx context.Context, b *bundle) error {
	web := filepath.Join(b.dir, "web")
	return minifyFiles(b.dir, func(path string) bool {
		return filepath.Dir(path) != web && !strings.HasPrefix(path, web+string(filepath.Separator))
	})
}

// minifyFiles minifies in place each file under dir that keep accepts (nil
// accepts all) and whose rule names a minifier.
func minifyFiles(dir string, keep func(path string) bool) error {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return eachFile(dir, func(path string) error {
		mediaType := fileRules[filepath.Ext(path)].minify
		if mediaType == "" || (keep != nil && !keep(path)) {
			return nil
		}
		in, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := m.Bytes(mediaType, in)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return os.WriteFile(path, out, 0o644)
	})
}

// precompressFiles writes a .br and a .gz sibling of each file whose rule
// says so, when that is smaller, compressing files in parallel.
func precompressFiles(ctx context.Context, b *bundle) error {
	type job struct {
		path string
		c    site.Coding
	}
	var jobs []job
	err := eachFile(b.dir, func(path string) error {
		if fileRules[filepath.Ext(path)].compress {
			for _, c := range site.Codings {
				jobs = append(jobs, job{path, c})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The slowest first (brotli of app.wasm), so the others fill in beside it.
	work := make(chan job, len(jobs))
	for _, j := range jobs {
		if filepath.Ext(j.path) == ".wasm" {
			work <- j
		}
	}
	for _, j := range jobs {
		if filepath.Ext(j.path) != ".wasm" {
			work <- j
		}
	}
	close(work)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				errs <- compressFile(b.cache, j.path, j.c)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressed remembers what this process has compressed, by coding and
// content hash: a second bundle of the same app.wasm (another -prefix, in
// the tests) does not spend another 40 s of brotli on it. The cache on
// disk does the same across builds (make run's, above all).
var compressed sync.Map

func compressFile(cache compressCache, path string, c site.Coding) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := fmt.Sprintf("%x", sha256.Sum256(raw))
	key := c.Name + sum
	var enc []byte
	if v, ok := compressed.Load(key); ok {
		enc = v.([]byte)
	} else if cached, ok := cache.get(c.Name, sum); ok && decodesTo(c, cached, raw) {
		enc = cached
	} else if enc, err = c.Encode(raw, site.Best); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	} else {
		cache.put(c.Name, sum, enc)
	}
	compressed.Store(key, enc)
	if len(enc) >= len(raw) {
		return nil
	}
	return os.WriteFile(path+c.Ext, enc, 0o644)
}

// decodesTo reports whether enc decodes to raw with c.
func decodesTo(c site.Coding, enc, raw []byte) bool {
	dec, err := c.Decode(enc)
	return err == nil && bytes.Equal(dec, raw)
}

// eachFile calls f with the path of every regular file under dir.
func eachFile(dir string, f func(path string) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		return f(path)
	})
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
