//go:build !wasm

package site

import (
	"fmt"
	"net/url"
	"strings"
)

// policy is the content security policy of every page: scripts, styles,
// images, fetches and workers from the site itself and nowhere else;
// WebAssembly may compile ('wasm-unsafe-eval' allows nothing else that
// 'unsafe-eval' would); no plugins, no forms, no <base>. go-app sets inline
// style attributes (Style), which style-src-attr lets through: they cannot
// run code or, with img-src 'self', fetch anything remote. Downloads and
// pictures made in the page are blob: and data: URLs.
var policy = []string{
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"style-src-attr 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"connect-src 'self'",
	"worker-src 'self'",
	"manifest-src 'self'",
	"frame-src 'none'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
}

// ContentSecurityPolicy returns the policy of the site's pages; with
// frameAncestors (sources such as 'none', 'self' or origins) it says who may
// frame the page. A policy in a meta element cannot say that, so pages carry
// it without, and the server adds it in the header.
func ContentSecurityPolicy(frameAncestors ...string) string {
	p := strings.Join(policy, "; ")
	if len(frameAncestors) > 0 {
		p += "; frame-ancestors " + strings.Join(frameAncestors, " ")
	}
	return p
}

// ParseOrigins reads an allowlist of origins separated by commas or spaces,
// such as "https://cms.example.com, http://localhost:3000", and returns them
// as browsers write an origin: lower case, default port left out. Anything
// but scheme, host and port is an error: a path or a wildcard would allow
// more than the list says, and "null" any sandboxed frame.
func ParseOrigins(list string) ([]string, error) {
	var origins []string
	seen := make(map[string]bool)
	for _, s := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		o, err := parseOrigin(s)
		if err != nil {
			return nil, err
		}
		if !seen[o] {
			seen[o] = true
			origins = append(origins, o)
		}
	}
	return origins, nil
}

func parseOrigin(s string) (string, error) {
	if strings.EqualFold(s, "null") {
		// What a browser calls a sandboxed frame or a data: URL page: any
		// page can be one, so it is never allowed.
		return "", fmt.Errorf("embed origin %q: the opaque origin of sandboxed frames and data: URLs can never be allowed", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("embed origin %q: %w", s, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return "", fmt.Errorf("embed origin %q: want http:// or https://", s)
	case u.Host == "" || u.Hostname() == "" || strings.Contains(u.Host, "*"):
		return "", fmt.Errorf("embed origin %q: want a host name, without wildcards", s)
	case u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("embed origin %q: want only scheme, host and port, like https://cms.example.com", s)
	}
	host := strings.ToLower(u.Host)
	if port := u.Port(); (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		host = strings.TrimSuffix(host, ":"+port)
	}
	return scheme + "://" + host, nil
}
