//go:build !wasm

// Command loadtest sends a fixed number of requests from concurrent clients
// to the annotator's server on loopback and prints requests per second and
// errors; it exits 1 if any request failed:
//
//	go run ./app/loadtest [-requests 20000] [-clients 32] [-web web]
//
// It starts the server in process on a free port, as make run would serve
// the web directory, unless -url names one already running. Each client
// keeps its connection alive and asks for what a browser asks: the pages,
// go-app's scripts, the styles and icons, and every hundredth request
// app.wasm, all with Accept-Encoding br and gzip. A request counts as an
// error unless it gets status 200 and a body as long as Content-Length.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"annotator/app/site"
	"annotator/app/ui"
)

func main() {
	requests := flag.Int("requests", 20000, "how many requests to send in all")
	clients := flag.Int("clients", 32, "how many clients send them at once")
	web := flag.String("web", "web", "`directory` of the app to serve (make wasm builds app.wasm there)")
	target := flag.String("url", "", "`URL` of a running server to load instead (its web directory must be -web)")
	flag.Parse()
	if err := loadtest(*web, *target, *requests, *clients, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// Report is what a load test measured.
type Report struct {
	Requests int
	Clients  int
	Errors   int
	Elapsed  time.Duration
	Bytes    int64         // body bytes received
	P50, P99 time.Duration // request latencies
	First    error         // the first error, if any
}

// RequestsPerSecond is the throughput.
func (r Report) RequestsPerSecond() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

func (r Report) String() string {
	s := fmt.Sprintf("%d requests from %d clients in %.2fs: %.0f requests/s, %d errors, %.1f MB received, latency p50 %v p99 %v",
		r.Requests, r.Clients, r.Elapsed.Seconds(), r.RequestsPerSecond(), r.Errors, float64(r.Bytes)/1e6,
		r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond))
	if r.First != nil {
		s += "; first error: " + r.First.Error()
	}
	return s
}

// loadtest serves web (or loads the server at target) and prints the
// report; it fails if any request failed.
func loadtest(web, target string, requests, clients int, out io.Writer) error {
	ui.Routes()
	s, err := site.New(web, site.Config{})
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(target, "/")
	if base == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
		go srv.Serve(ln)
		defer srv.Shutdown(context.Background())
		base = "http://" + ln.Addr().String()
	}
	r := Load(base, Paths(s), requests, clients)
	fmt.Fprintf(out, "loadtest %s (version %s): %s\n", base, s.Version, r)
	if r.Errors > 0 {
		return fmt.Errorf("%d of %d requests failed", r.Errors, r.Requests)
	}
	return nil
}

// Paths are the URL paths to ask for, in the order a client cycles
// through them: every file of the bundle, app.wasm every hundredth time.
func Paths(s *site.Server) []string {
	var small []string
	wasm := ""
	for _, f := range s.Bundle.Files {
		if strings.HasSuffix(f.Name, ".wasm") {
			wasm = "/" + f.Name
			continue
		}
		small = append(small, "/"+f.Name)
	}
	for _, p := range site.Pages {
		small = append(small, p.Path)
	}
	var paths []string
	for len(paths) < 99 {
		paths = append(paths, small...)
	}
	return append(paths[:99], wasm)
}

// Load sends requests to base from clients concurrent clients, each with a
// kept-alive connection, cycling through paths.
func Load(base string, paths []string, requests, clients int) Report {
	transport := &http.Transport{
		MaxIdleConnsPerHost: clients,
		DisableCompression:  true, // ask for br and gzip ourselves, and count the bytes sent
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: time.Minute}

	var next, errs atomic.Int64
	var bytes atomic.Int64
	var firstErr error
	var mu sync.Mutex
	latencies := make([]time.Duration, requests)
	fail := func(err error) {
		errs.Add(1)
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				path := paths[i%len(paths)]
				t := time.Now()
				n, err := get(client, base+path)
				latencies[i] = time.Since(t)
				bytes.Add(n)
				if err != nil {
					fail(fmt.Errorf("%s: %w", path, err))
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	return Report{
		Requests: requests, Clients: clients, Errors: int(errs.Load()), Elapsed: elapsed, Bytes: bytes.Load(),
		P50: latencies[requests/2], P99: latencies[requests*99/100], First: firstErr,
	}
}

// get fetches url as a browser would and checks the answer is whole.
func get(client *http.Client, url string) (int64, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept-Encoding", "br, gzip")
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	switch {
	case err != nil:
		return n, err
	case res.StatusCode != http.StatusOK:
		return n, fmt.Errorf("status %d", res.StatusCode)
	case res.ContentLength >= 0 && n != res.ContentLength:
		return n, fmt.Errorf("%d body bytes, Content-Length %d", n, res.ContentLength)
	case n == 0:
		return n, errors.New("empty body")
	}
	return n, nil
}
