//go:build !wasm

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"annotator/app/contract"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The accessibility audit runs axe-core, the engine browsers' own
// developer tools use, inside the page in headless Chromium. axe-core comes
// from npm, pinned by .ci/test-tools/package.json and its lockfile, and
// installed there by .ci/run's npm ci.

// Axe is an installed axe-core: its version and the script to inject.
type Axe struct {
	Version string
	Source  string // axe.min.js
}

// FindAxe loads axe-core from .ci/test-tools under the module root. When
// it is missing, or not the pinned version, tb is skipped, saying what to
// run, or fails when CI=true.
func FindAxe(tb testing.TB, root string) Axe {
	tb.Helper()
	a, err := findAxe(root)
	if err != nil {
		if inCI() {
			tb.Fatalf("CI=true and %v", err)
		}
		tb.Skipf("skipping the accessibility audit: %v", err)
	}
	return a
}

func findAxe(root string) (Axe, error) {
	dir := filepath.Join(root, filepath.FromSlash(TestToolsDir))
	install := fmt.Sprintf("(npm ci --prefix %s installs it)", TestToolsDir)
	var pinned struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return Axe{}, err
	}
	if err := json.Unmarshal(data, &pinned); err != nil {
		return Axe{}, fmt.Errorf("%s/package.json: %w", TestToolsDir, err)
	}
	want := pinned.Dependencies["axe-core"]
	if want == "" {
		return Axe{}, fmt.Errorf("%s/package.json does not pin axe-core", TestToolsDir)
	}
	var installed struct {
		Version string `json:"version"`
	}
	data, err = os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "package.json"))
	if err != nil {
		return Axe{}, fmt.Errorf("npm package axe-core is not installed %s", install)
	}
	if err := json.Unmarshal(data, &installed); err != nil {
		return Axe{}, fmt.Errorf("axe-core's package.json: %w", err)
	}
	if installed.Version != want {
		return Axe{}, fmt.Errorf("npm package axe-core is %s, %s/package.json pins %s %s", installed.Version, TestToolsDir, want, install)
	}
	src, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return Axe{}, fmt.Errorf("%w %s", err, install)
	}
	return Axe{Version: installed.Version, Source: string(src)}, nil
}

// AxeTags are the rule sets the audit runs: WCAG 2.0, 2.1 and 2.2 at levels
// A and AA, and axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// AxeViolation is one rule the page breaks, with the elements that break it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
		HTML    string `json:"html"`
	} `json:"nodes"`
}

// AxeResult is what one audit found.
type AxeResult struct {
	Violations []AxeViolation `json:"violations"`
	Passes     int            `json:"passes"`     // rules that found elements and passed
	Incomplete []string       `json:"incomplete"` // rules axe could not decide (reported, not failed)
	Rules      int            `json:"rules"`      // rules run
}

// Audit injects axe-core into the page (the page's Content Security Policy
// is bypassed for the injection only: the page itself loads no such script)
// and runs it over the whole document.
func (p *Page) Audit(a Axe) AxeResult {
	p.tb.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	}))
	defer p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: false})
		return err
	}))
	if !Eval[bool](p, `typeof window.axe === "object"`) {
		Eval[bool](p, a.Source+"\n;true")
	}
	tags, _ := json.Marshal(AxeTags)
	return Await[AxeResult](p, fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then((r) => ({
		violations: r.violations,
		passes: r.passes.length,
		incomplete: r.incomplete.map((i) => i.id),
		rules: r.violations.length + r.passes.length + r.incomplete.length + r.inapplicable.length,
	}))`, tags))
}

// Report describes the violations, one rule a paragraph, for a test's
// failure message.
func (r AxeResult) Report() string {
	var b strings.Builder
	sort.Slice(r.Violations, func(i, j int) bool { return r.Violations[i].ID < r.Violations[j].ID })
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "\n%s (%s): %s, %d elements", v.ID, v.Impact, v.Help, len(v.Nodes))
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n    …")
				break
			}
			fmt.Fprintf(&b, "\n    %v %.160s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	return b.String()
}

// AccessibilityState is one state of the page the audit checks.
type AccessibilityState struct {
	Name   string
	Width  int64  // viewport width in CSS pixels (height follows the device)
	Scheme string // prefers-color-scheme
	Embed  bool   // the /embed view rather than the app
	Text   bool   // with an annotated article (else the empty page)
	Panel  string // a panel opened by its tab (on a phone, the bottom sheet open); "" for none
}

// AccessibilityStates are the audited states: the empty page and an
// annotated article at desktop and phone width in both colour schemes, and
// the embed view in both.
var AccessibilityStates = func() []AccessibilityState {
	var states []AccessibilityState
	for _, scheme := range []string{"light", "dark"} {
		for _, w := range []struct {
			name  string
			width int64
		}{{"1440 px", 1440}, {"390 px", 390}} {
			states = append(states,
				AccessibilityState{Name: "empty page, " + w.name + ", " + scheme, Width: w.width, Scheme: scheme},
				AccessibilityState{Name: "annotated article, " + w.name + ", " + scheme, Width: w.width, Scheme: scheme, Text: true},
			)
			if w.width < 600 {
				states = append(states, AccessibilityState{Name: "quotes in the bottom sheet, " + w.name + ", " + scheme, Width: w.width, Scheme: scheme, Text: true, Panel: contract.PanelQuotes})
			}
		}
		states = append(states, AccessibilityState{Name: "embed view, " + scheme, Width: 720, Scheme: scheme, Embed: true, Text: true})
	}
	return states
}()

// Accessibility audits each of AccessibilityStates of the app at appURL
// and fails on any violation, whatever its impact.
func Accessibility(t *testing.T, b *Browser, appURL string, a Axe) {
	t.Logf("axe-core %s, rule tags %v", a.Version, AxeTags)
	total := 0
	for _, s := range AccessibilityStates {
		t.Run(s.Name, func(t *testing.T) {
			height := int64(900)
			if s.Width < 600 {
				height = 844
			}
			p := &Page{tb: t, ctx: b.ctx}
			p.Viewport(s.Width, height)
			p.ColorScheme(s.Scheme)
			defer p.ColorScheme("")
			if s.Embed {
				p.openEmbedView(appURL, intakeArticle)
			} else {
				p.do(chromedp.Navigate(appURL))
				p.WaitReady()
				if s.Text {
					p.Paste(intakeArticle)
					// A selected entity, as a user leaves the page.
					p.Click("#view mark")
					if s.Panel != "" {
						p.Click("#" + contract.TabPrefix + s.Panel)
						Poll[bool](p, `document.getElementById("`+contract.PanelsRoot+`").dataset.sheet === "open" && !document.getElementById("`+contract.PanelPrefix+s.Panel+`").hidden`)
					}
				} else {
					p.Paste("")
				}
			}
			if dir := os.Getenv(ShotsEnv); dir != "" {
				p.Shot(filepath.Join(dir, shotName(s.Name)+".png"))
			}
			// An element the app hides must not show: a class that sets
			// display outranks the hidden attribute's own rule.
			if shown := Eval[[]string](p, `Array.from(document.querySelectorAll("[hidden]")).filter(e => getComputedStyle(e).display !== "none").map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : ""))`); len(shown) > 0 {
				t.Errorf("hidden elements shown: %v", shown)
			}
			r := p.Audit(a)
			total += len(r.Violations)
			t.Logf("%d rules run, %d passed, %d violated; undecided: %v", r.Rules, r.Passes, len(r.Violations), r.Incomplete)
			if len(r.Violations) > 0 {
				t.Errorf("axe-core finds %d violated rules:%s", len(r.Violations), r.Report())
			}
		})
	}
	t.Logf("%d states audited, %d violations", len(AccessibilityStates), total)
	if dir := os.Getenv(ShotsEnv); dir != "" {
		t.Run("print preview", func(t *testing.T) { printPreview(t, b, appURL, dir) })
	}
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// ShotsEnv names the environment variable holding a folder: when set, the
// audit saves a screenshot of each state there, and the print preview (the
// page under print media, and the PDF Chromium prints).
const ShotsEnv = "A11Y_SHOTS"

func shotName(state string) string {
	return strings.NewReplacer(", ", "-", " ", "-").Replace(state)
}

// printPreview saves the annotated article as printed: a full-page
// screenshot under print media at A4's width, and the PDF, whose page
// count it logs.
func printPreview(t *testing.T, b *Browser, appURL, dir string) {
	p := &Page{tb: t, ctx: b.ctx}
	p.Viewport(794, 1123) // A4 at 96 dpi
	p.do(chromedp.Navigate(appURL))
	p.WaitReady()
	p.Paste(intakeArticle)
	p.Media("print")
	defer p.Media("")
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Run(ctx, chromedp.Action[page.PrintToPDFResult](func(ctx context.Context, tg *chromedp.Target) (page.PrintToPDFResult, error) {
		return chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	}))
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte(res.Data)
	for name, data := range map[string][]byte{"print.png": png, "print.pdf": pdf} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("print: %d A4 pages", len(pdfPage.FindAll(pdf, -1)))
}

// openEmbedView opens the /embed view as a top-level page and has it
// annotate text, sent by the page itself (its own origin is always
// answered).
func (p *Page) openEmbedView(appURL, text string) {
	p.tb.Helper()
	p.do(chromedp.Navigate(strings.TrimSuffix(appURL, "/") + "/embed"))
	// The pre-rendered page is there before the wasm listens: the request
	// is sent again every 2 s until one is answered.
	js, _ := json.Marshal(text)
	Poll[bool](p, fmt.Sprintf(`(() => {
		const e = document.getElementById("embed");
		if (e && e.dataset.state === "done" && Number(e.dataset.answered) >= 1) return true;
		if (!window.auditSent || Date.now() - window.auditSent > 2000) {
			window.auditSent = Date.now();
			window.postMessage({type: "annotate", id: "audit", text: %s}, location.origin);
		}
		return false;
	})()`, js))
}
