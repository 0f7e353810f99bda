package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// compressCache keeps compressed files between builds, by coding and
// content hash, in the user's cache directory: brotli at quality 11 takes
// most of a minute on app.wasm, so make run builds its bundle again in
// seconds when app.wasm has not changed. It is only a cache: any error
// means compressing again.
type compressCache struct{ dir string }

// compressCacheKeep is how long an unused entry stays.
const compressCacheKeep = 14 * 24 * time.Hour

// newCompressCache returns the cache in dir, or in the user's cache
// directory when dir is "" (and a cache that never hits when there is
// none).
func newCompressCache(dir string) compressCache {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return compressCache{}
		}
		dir = filepath.Join(base, "annotator", "precompressed")
	}
	return compressCache{dir: dir}
}

// compressCacheLevels names the codings' settings (site.Best): entries
// made with others are not used.
const compressCacheLevels = "best-br11w24-gz9"

func (c compressCache) path(coding, sum string) string {
	return filepath.Join(c.dir, fmt.Sprintf("%s-%s-%s", compressCacheLevels, coding, sum))
}

// get returns the entry for coding and content hash sum.
func (c compressCache) get(coding, sum string) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	p := c.path(coding, sum)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	os.Chtimes(p, now, now) // used: kept another compressCacheKeep
	return data, true
}

// put stores an entry through a temporary file, so that a concurrent build
// reads the whole entry or none, and drops entries unused for
// compressCacheKeep.
func (c compressCache) put(coding, sum string, data []byte) {
	if c.dir == "" || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if f.Close() != nil || werr != nil || os.Rename(f.Name(), c.path(coding, sum)) != nil {
		os.Remove(f.Name())
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > compressCacheKeep {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}
