//go:build !wasm

package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// ColorScheme emulates prefers-color-scheme: "light" or "dark"; "" ends the
// emulation.
func (p *Page) ColorScheme(scheme string) {
	p.tb.Helper()
	p.scheme = scheme
	p.emulate()
}

// emulate sets the emulated media type and colour scheme (see Media).
func (p *Page) emulate() {
	p.tb.Helper()
	var features []*emulation.MediaFeature
	if p.scheme != "" {
		features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: p.scheme}}
	}
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: p.media, Features: features})
		return err
	}))
}

// AllowClipboard lets the page at origin read and write the clipboard
// without asking.
func (p *Page) AllowClipboard(origin string) {
	p.tb.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting:    browser.PermissionSettingGranted,
				Origin:     origin,
			})
			if err != nil {
				return err
			}
		}
		// A headless tab is never the focused window, and the
		// clipboard API answers only a focused document.
		_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
}

// Download is a file the page made the browser download.
type Download struct {
	Name string // the name the page suggested
	Data []byte
}

// DownloadBy clicks the element the CSS selector matches and returns the
// file the click downloads, saved by the browser into dir.
func (p *Page) DownloadBy(sel, dir string) Download {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	truth := true
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &truth,
		})
		return err
	}))
	// Subscribe before the click, so that no event is missed.
	begun := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	p.Click(sel)
	var d Download
	var guid string
	for ev, err := range begun {
		if err != nil {
			p.tb.Fatalf("no download after clicking %s: %v", sel, err)
		}
		d.Name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			p.tb.Fatalf("download %s did not finish: %v", d.Name, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			p.tb.Fatalf("download %s was canceled", d.Name)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	// The file is complete on disk once the browser says so; give a slow
	// file system a moment.
	path := filepath.Join(dir, guid)
	var err error
	for range 50 {
		if d.Data, err = os.ReadFile(path); err == nil {
			return d
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.tb.Fatalf("read the download %s: %v", d.Name, err)
	return d
}

// textOf is a JavaScript expression for an element's text with its words
// joined by single spaces.
func textOf(expr string) string {
	return `((e) => e ? e.textContent.split(/\s+/).filter(Boolean).join(" ") : "")(` + expr + `)`
}

// oneLine joins the words of s with single spaces, as textOf does.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
