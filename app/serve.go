//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
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
	web := flag.String("web", "web", "`directory` holding app.wasm, app.css and the icons")
	flag.Parse()
	if err := run(*addr, *web); err != nil {
		log.Fatal(err)
	}
}

func run(addr, web string) error {
	s, err := site.New(web)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Printf("Annotator %s: open http://%s/\n", s.Version, displayAddr(addr, ln.Addr()))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
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
