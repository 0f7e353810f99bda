//go:build !wasm

package browsertest

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"strings"
	"sync"
	"time"
)

// Request is one request the browser made, as the recording proxy saw it.
type Request struct {
	Method string
	URL    string // absolute
	Host   string // host:port
	Header http.Header
	Body   []byte
	// Refused is why the proxy did not forward it: "offline", or "remote"
	// for a host other than the loopback; "" when forwarded.
	Refused string
}

// maxRecordedBody bounds the request body a test can inspect; the proxy
// forwards bodies of any size.
const maxRecordedBody = 64 << 20

// proxy is an HTTP proxy every request of the browser goes through, from
// pages, frames and service workers alike (Chromium runs with
// --proxy-server and no bypass, loopback included). It records each request
// with its body, forwards those for loopback hosts, refuses any other host,
// and can play offline: then it drops every connection, as a network that
// is down would.
type proxy struct {
	server *http.Server
	addr   string
	fwd    *httputil.ReverseProxy

	mu       sync.Mutex
	requests []Request
	offline  bool
}

// startProxy listens on a free loopback port.
func startProxy() (*proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &proxy{addr: ln.Addr().String()}
	p.fwd = &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.Out.URL = r.In.URL // absolute, as browsers ask proxies
			r.Out.Host = r.In.Host
		},
		// Bodies as the servers sent them, compressed or not: the test
		// servers' codings are under test.
		Transport: &http.Transport{Proxy: nil, DisableCompression: true, MaxIdleConnsPerHost: 16},
		// Stream: app.wasm is large, and a cut response must look cut.
		FlushInterval: -1,
		ErrorLog:      nil,
	}
	p.server = &http.Server{Handler: p, ReadHeaderTimeout: 30 * time.Second}
	go p.server.Serve(ln)
	return p, nil
}

func (p *proxy) close() { p.server.Close() }

// ServeHTTP records the request, then forwards or refuses it.
func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(r.Body, maxRecordedBody+1))
		r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
		if len(body) > maxRecordedBody {
			body = body[:maxRecordedBody]
		}
	}
	rec := Request{Method: r.Method, URL: r.URL.String(), Host: r.Host, Header: r.Header.Clone(), Body: body}
	if r.Method == http.MethodConnect {
		rec.URL = "https://" + r.Host + "/"
	}
	p.mu.Lock()
	offline := p.offline
	switch {
	case offline:
		rec.Refused = "offline"
	case !isLoopback(r.Host) || !r.URL.IsAbs() || r.Method == http.MethodConnect:
		rec.Refused = "remote"
	}
	p.requests = append(p.requests, rec)
	p.mu.Unlock()

	switch rec.Refused {
	case "offline":
		// No response at all: the browser sees a failed connection.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		http.Error(w, "offline", http.StatusBadGateway)
	case "remote":
		http.Error(w, "the test proxy forwards requests to loopback hosts only", http.StatusForbidden)
	default:
		p.fwd.ServeHTTP(w, r)
	}
}

// isLoopback reports whether host (host:port) names this machine.
func isLoopback(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// setOffline switches the network off (true) or on.
func (p *proxy) setOffline(off bool) {
	p.mu.Lock()
	p.offline = off
	p.mu.Unlock()
}

// recorded returns the requests since the first one at index from.
func (p *proxy) recorded(from int) []Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	if from > len(p.requests) {
		from = len(p.requests)
	}
	return append([]Request(nil), p.requests[from:]...)
}

// count returns how many requests were recorded so far.
func (p *proxy) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.requests)
}
