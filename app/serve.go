//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"annotator/app/site"
)

// serve runs the HTTP server until interrupted.
func serve() {
	addr := flag.String("addr", "localhost:8000", "`host:port` to listen on")
	bundle := flag.String("bundle", "", "`directory` of a bundle built by go run ./build (make run builds dist/ and serves it): served as it is, minified and precompressed")
	web := flag.String("web", "web", "`directory` holding app.wasm, the styles and the icons, rendered and compressed (quickly) at start when -bundle is not given")
	origins := flag.String("embed-origins", "", "`origins` (comma-separated, like https://cms.example.com) that may embed /embed and send it texts; a bundle has them built in")
	flag.Parse()
	list, err := site.ParseOrigins(*origins)
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C during the drain ends the program at once
	}()
	if *bundle != "" {
		if *origins != "" {
			log.Fatal("-embed-origins: a bundle has its embed origins built in (make run EMBED_ORIGINS=...)")
		}
		s, err := site.Open(*bundle)
		if err == nil {
			err = listen(ctx, *addr, s, defaultTimeouts, os.Stdout)
		}
		if err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(ctx, *addr, *web, site.Config{EmbedOrigins: list}, defaultTimeouts, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// timeouts bound how long a client may hold the server.
type timeouts struct {
	readHeader time.Duration // to send the request's headers
	read       time.Duration // to send the whole request
	write      time.Duration // to receive the response: app.wasm is 2.4 MB compressed
	idle       time.Duration // between requests on a kept-alive connection
	shutdown   time.Duration // for requests in flight to finish once interrupted
}

var defaultTimeouts = timeouts{
	readHeader: 5 * time.Second,
	read:       10 * time.Second,
	write:      2 * time.Minute,
	idle:       time.Minute,
	shutdown:   10 * time.Second,
}

// run serves the web directory on addr until ctx is done (SIGINT or SIGTERM
// in serve), then stops accepting connections and lets requests in flight
// finish.
func run(ctx context.Context, addr, web string, cfg site.Config, t timeouts, out io.Writer) error {
	s, err := site.New(web, cfg)
	if err != nil {
		return err
	}
	return listen(ctx, addr, s, t, out)
}

// listen serves s on addr until ctx is done, as run says.
func listen(ctx context.Context, addr string, s *site.Server, t timeouts, out io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    32 << 10,
	}
	fmt.Fprintf(out, "Annotator %s: open http://%s/\n", s.Version, displayAddr(addr, ln.Addr()))

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), t.shutdown)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close() // the requests that did not finish in time
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(out, "Annotator stopped")
	return nil
}

// displayAddr is the address to print: the host as given (localhost reads
// better than 127.0.0.1) with the port actually bound (for -addr :0).
func displayAddr(requested string, bound net.Addr) string {
	host, _, err := net.SplitHostPort(requested)
	_, port, err2 := net.SplitHostPort(bound.String())
	if err != nil || err2 != nil {
		return bound.String()
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
