//go:build !wasm

package site

import (
	"fmt"
	"strings"
)

// HostHeadersFile is the name static hosts such as Netlify and Cloudflare
// Pages read response headers from.
const HostHeadersFile = "_headers"

// securityFor returns the security headers the file's responses carry: the
// embed page may be framed by the embed allowlist, everything else by no
// one.
func (b *Bundle) securityFor(name string) headerSet {
	if name == "embed.html" {
		return securityHeaders(ContentSecurityPolicy(append([]string{"'self'"}, b.Config.EmbedOrigins...)...), false)
	}
	return securityHeaders(ContentSecurityPolicy("'none'"), true)
}

// HostHeaders writes the headers the server sends with each file of the
// bundle (security headers, and Cache-Control: immutable for hashed files,
// revalidated for the rest) in the _headers format, one rule per exact path,
// so that a static copy on such a host is as strict as the server: above
// all, frame-ancestors, which a meta element cannot carry. Rules never
// overlap, so no host has to combine two of them.
func (b *Bundle) HostHeaders() []byte {
	var sb strings.Builder
	sb.WriteString("# Response headers for static hosts that read _headers (Netlify, Cloudflare Pages),\n")
	sb.WriteString("# the same as the annotator's server sends; written by make dist.\n")
	rule := func(path string, f File) {
		fmt.Fprintf(&sb, "%s\n", path)
		for _, kv := range b.securityFor(f.Name) {
			fmt.Fprintf(&sb, "  %s: %s\n", kv[0], kv[1])
		}
		cache := cacheRevalidated
		if f.Hashed {
			cache = cacheImmutable
		}
		fmt.Fprintf(&sb, "  Cache-Control: %s\n", cache)
	}
	byName := make(map[string]File, len(b.Files))
	for _, f := range b.Files {
		byName[f.Name] = f
		rule(b.Config.Prefix+"/"+f.Name, f)
	}
	for _, p := range Pages {
		path := b.Config.Prefix + p.Path
		if p.Path == "/" && b.Config.Prefix != "" {
			rule(b.Config.Prefix, byName[p.Name]) // the sub-path without its slash
		}
		rule(path, byName[p.Name])
	}
	return []byte(sb.String())
}
