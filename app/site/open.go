//go:build !wasm

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Open prepares a server for a bundle the bundle builder wrote (make dist,
// go run ./build): the very files a static host would serve, minified and
// precompressed at the builder's best level, each served with the headers
// its _headers file gives it. It reads the files once and compresses
// nothing. The bundle must have been built for the site's root.
func Open(dir string) (*Server, error) {
	text, err := os.ReadFile(filepath.Join(dir, HostHeadersFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s holds no bundle (%s is missing): build it with `make dist`", dir, HostHeadersFile)
	}
	if err != nil {
		return nil, err
	}
	rules, err := ParseHostHeaders(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", HostHeadersFile, err)
	}
	page, ok := rules["/"+Pages[0].Name]
	if !ok {
		return nil, fmt.Errorf("%s was built for a sub-path (no rule for /%s in %s): serve it there, or build it for the root", dir, Pages[0].Name, HostHeadersFile)
	}
	s := &Server{Bundle: &Bundle{}, files: make(map[string]*asset, len(rules))}
	s.errors = withoutCache(page)
	pageFile := make(map[string]string, len(Pages))
	for _, p := range Pages {
		pageFile[p.Path] = "/" + p.Name
	}
	for path := range rules {
		if _, isPage := pageFile[path]; isPage {
			continue
		}
		a, err := openAsset(dir, path, rules[path])
		if err != nil {
			return nil, err
		}
		s.files[path] = a
	}
	for path, name := range pageFile {
		a, ok := s.files[name]
		if !ok {
			return nil, fmt.Errorf("%s lacks %s", dir, name)
		}
		s.files[path] = a
	}
	js, err := os.ReadFile(filepath.Join(dir, "app.js"))
	if err != nil {
		return nil, err
	}
	m := appVersion.FindSubmatch(js)
	if m == nil {
		return nil, fmt.Errorf("%s: app.js carries no version", dir)
	}
	s.Version = string(m[1])
	s.Bundle.Version = s.Version
	return s, nil
}

// appVersion finds the version go-app writes into app.js.
var appVersion = regexp.MustCompile(`GOAPP_VERSION"?\s*:\s*"([0-9a-f]+)"`)

// openAsset reads the file at URL path from dir, with its precompressed
// siblings, as the rule's headers say to serve it.
func openAsset(dir, path string, rule map[string]string) (*asset, error) {
	name := strings.TrimPrefix(path, "/")
	file := filepath.Join(dir, filepath.FromSlash(name))
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s names %s: %w", HostHeadersFile, path, err)
	}
	sum := sha256.Sum256(data)
	a := &asset{
		contentType:  ContentType(name),
		cacheControl: rule["Cache-Control"],
		headers:      withoutCache(rule),
		tag:          hex.EncodeToString(sum[:8]),
		bodies:       map[string][]byte{identity: data},
	}
	// Only the builder's copies: a file it left uncompressed is served so.
	for _, c := range Codings {
		enc, err := os.ReadFile(file + c.Ext)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		a.bodies[c.Name] = enc
		a.offers = append(a.offers, c.Name)
	}
	return a, nil
}

// withoutCache returns a rule's headers but Cache-Control, which assets
// set themselves, in a fixed order.
func withoutCache(rule map[string]string) headerSet {
	var hs headerSet
	for _, k := range slices.Sorted(maps.Keys(rule)) {
		if k != "Cache-Control" {
			hs = append(hs, [2]string{k, rule[k]})
		}
	}
	return hs
}

// ParseHostHeaders reads a _headers file as HostHeaders writes it: a path
// at the start of a line, then its headers indented, "Name: value".
func ParseHostHeaders(text string) (map[string]map[string]string, error) {
	rules := map[string]map[string]string{}
	var cur map[string]string
	for i, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			if _, dup := rules[line]; dup {
				return nil, fmt.Errorf("line %d: a second rule for %s", i+1, line)
			}
			cur = map[string]string{}
			rules[line] = cur
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || cur == nil {
				return nil, fmt.Errorf("line %d: %q is no header of a path", i+1, line)
			}
			cur[k] = v
		}
	}
	return rules, nil
}
