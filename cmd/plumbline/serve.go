package main

import (
	"errors"
	"flag"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// contentSecurityPolicy is sent with every response: scripts only from the
// page's own origin (plus wasm compilation), no inline script or style, no
// connections to any other origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// runServe serves the demo page and its assets from dir.
func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	open := fs.Bool("open", false, "open the page in the desktop's browser, when there is one")
	dir := fs.String("dir", "web", "folder holding index.html, the JavaScript and plumbline.wasm")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*dir, "plumbline.wasm")); err != nil {
		return errors.New(*dir + "/plumbline.wasm is missing: run `make build` first (or `make serve`)")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Printf("plumbline: serving %s at %s\n", *dir, url)
	if *open {
		openBrowser(url)
	}
	srv := &http.Server{Handler: handler(*dir), ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

// handler serves dir with the security headers and the wasm MIME type.
func handler(dir string) http.Handler {
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	_ = mime.AddExtensionType(".mjs", "text/javascript")
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// openBrowser asks the desktop to open url (xdg-open, or open on macOS)
// and does nothing where there is no desktop: the URL is printed anyway.
func openBrowser(url string) {
	cmd := "xdg-open"
	if runtime.GOOS == "darwin" {
		cmd = "open" // on Linux, "open" may be openvt
	} else if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return
	}
	if path, err := exec.LookPath(cmd); err == nil {
		_ = exec.Command(path, url).Start()
	}
}
