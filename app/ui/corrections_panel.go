package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// CorrectionsPanel lets the user correct the analyzer: relabel, merge or
// remove the selected entity; relabel, split off or remove one of its
// mentions; add a missed mention (the words selected in the article, or
// typed); set or remove the speaker of the current quote; undo and redo
// (buttons, or Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y inside the panel); and
// lists the corrections made, stale ones with why. Everything is a form
// control, so it all works by keyboard. It reports what the user asks as a
// correctionRequest action; the Annotator carries it out and passes the
// outcome back down as props.
type CorrectionsPanel struct {
	app.Compo

	// Props, from the Annotator.
	Available bool   // an article on screen that can be corrected
	Why       string // why not, when it cannot
	Entities  []entityChoice
	Selected  entityChoice // ID "" when none
	Mentions  []mentionChoice
	Mention   int         // the start of the mention picked in the view, -1 for none
	Quote     quoteChoice // Index -1 when no quote is current
	Selection viewSelection
	Made      []madeCorrection
	CanUndo   bool
	CanRedo   bool
	Note      string

	// The user's picks, for the entity they were made for.
	pickedFor    string
	quoteFor     int
	entityLabel  analyzer.Label
	mentionLabel analyzer.Label
	mention      int
	hasMention   bool
	into         string
	speaker      string
	addWords     string
	addAs        string // a label, or "entity" for a mention of the selected one
}

// entityChoice is an entity as the panel offers it.
type entityChoice struct {
	ID    string
	Name  string
	Label analyzer.Label
	Count int
}

// mentionChoice is a mention of the selected entity.
type mentionChoice struct {
	Start   int
	Text    string
	Context string // the words around it
}

// quoteChoice is the current quote.
type quoteChoice struct {
	Index   int
	Text    string
	Speaker string // entity id, "" when none
}

// madeCorrection is a correction in force, in words.
type madeCorrection struct {
	Text  string
	Stale string
}

// correctionsPanel is the panel's props for what is on screen.
func (c *Annotator) correctionsPanel() app.UI {
	p := &CorrectionsPanel{Mention: c.mention, Quote: quoteChoice{Index: -1}, Note: c.corr.note, Selection: c.viewSel}
	a := c.ann
	switch {
	case a == nil || a.Text == "":
		p.Why = "Annotate an article to correct it."
	case c.corr.base == nil || c.corr.base.Text != a.Text:
		p.Why = "Corrections are for articles up to " + formatBytes(maxCorrectedBytes) + "."
	default:
		p.Available = true
	}
	if !p.Available {
		return p
	}
	if ed := c.corr.editor; ed != nil {
		p.CanUndo, p.CanRedo = ed.CanUndo(), ed.CanRedo()
	}
	for _, r := range a.Result.Corrections {
		s := r.Correction.String()
		p.Made = append(p.Made, madeCorrection{Text: strings.ToUpper(s[:1]) + s[1:], Stale: r.Stale})
	}
	for _, g := range a.Groups {
		for _, e := range g.Entities {
			p.Entities = append(p.Entities, entityChoice{ID: e.ID, Name: oneLine(e.Name), Label: e.Label, Count: len(e.Mentions)})
		}
	}
	if e, ok := a.entity(c.selected); ok {
		p.Selected = entityChoice{ID: e.ID, Name: oneLine(e.Name), Label: e.Label, Count: len(e.Mentions)}
		for _, m := range e.Mentions {
			p.Mentions = append(p.Mentions, mentionChoice{Start: m.Start, Text: oneLine(m.Text), Context: mentionContext(a.Text, m.Start, m.End)})
		}
	}
	if i, err := strconv.Atoi(strings.TrimPrefix(c.current, "q")); err == nil && strings.HasPrefix(c.current, "q") && i >= 0 && i < len(a.Result.Quotes) {
		q := a.Result.Quotes[i]
		p.Quote = quoteChoice{Index: i, Text: shorten(oneLine(q.Text), 80), Speaker: q.Speaker}
	}
	return p
}

// mentionContext is a few words either side of a mention, on one line.
func mentionContext(text string, start, end int) string {
	const n = 24
	from, to := max(0, start-n), min(len(text), end+n)
	for from > 0 && from < start && !utf8Start(text[from]) {
		from--
	}
	for to < len(text) && !utf8Start(text[to]) {
		to++
	}
	before, after := oneLine(text[from:start]), oneLine(text[end:to])
	if from > 0 {
		before = "…" + before
	}
	if to < len(text) {
		after += "…"
	}
	return before + " [" + oneLine(text[start:end]) + "] " + after
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// request sends a request to the Annotator.
func (p *CorrectionsPanel) request(ctx app.Context, r correctionRequest) {
	ctx.NewActionWithValue(correctionAction, r)
}

// picks returns the user's picks, reset to the defaults for a newly
// selected entity.
func (p *CorrectionsPanel) picks() {
	if p.quoteFor != p.Quote.Index {
		p.quoteFor, p.speaker = p.Quote.Index, ""
	}
	if p.pickedFor == p.Selected.ID {
		return
	}
	p.pickedFor = p.Selected.ID
	p.entityLabel, p.mentionLabel, p.into, p.hasMention = "", "", "", false
}

// pickedMention is the mention the mention controls apply to: the one
// picked in the panel, else the one clicked in the view, else the first.
func (p *CorrectionsPanel) pickedMention() int {
	has := func(start int) bool {
		return slices.ContainsFunc(p.Mentions, func(m mentionChoice) bool { return m.Start == start })
	}
	switch {
	case p.hasMention && has(p.mention):
		return p.mention
	case has(p.Mention):
		return p.Mention
	case len(p.Mentions) > 0:
		return p.Mentions[0].Start
	}
	return -1
}

// otherLabel is the label a relabel offers first: the entity's own is no
// change.
func otherLabel(picked, own analyzer.Label) analyzer.Label {
	if picked != "" {
		return picked
	}
	for _, l := range analyzer.Labels {
		if l != own {
			return l
		}
	}
	return own
}

// The picks in force. Handlers call these when they run: go-app keeps a
// listener of the first render, so a value captured at render is stale.

func (p *CorrectionsPanel) entityLabelNow() analyzer.Label {
	p.picks()
	return otherLabel(p.entityLabel, p.Selected.Label)
}

func (p *CorrectionsPanel) mentionLabelNow() analyzer.Label {
	p.picks()
	return otherLabel(p.mentionLabel, p.Selected.Label)
}

func (p *CorrectionsPanel) intoNow() string {
	p.picks()
	targets := p.mergeTargets()
	if slices.ContainsFunc(targets, func(t entityChoice) bool { return t.ID == p.into }) || len(targets) == 0 {
		return p.into
	}
	return targets[0].ID
}

func (p *CorrectionsPanel) speakerNow() string {
	p.picks()
	speakers := p.speakers()
	switch {
	case slices.ContainsFunc(speakers, func(s entityChoice) bool { return s.ID == p.speaker }):
		return p.speaker
	case p.Quote.Speaker != "" || len(speakers) == 0:
		return p.Quote.Speaker
	}
	return speakers[0].ID
}

func (p *CorrectionsPanel) addAsNow() string {
	if p.addAs == "" || p.addAs == "entity" && p.Selected.ID == "" {
		return string(analyzer.PER)
	}
	return p.addAs
}

// mergeTargets are the entities the selected one can merge into: of its
// label first, then the others, each by name.
func (p *CorrectionsPanel) mergeTargets() []entityChoice {
	var ts []entityChoice
	for _, e := range p.Entities {
		if e.ID != p.Selected.ID {
			ts = append(ts, e)
		}
	}
	slices.SortStableFunc(ts, func(x, y entityChoice) int {
		xs, ys := x.Label == p.Selected.Label, y.Label == p.Selected.Label
		if xs != ys {
			if xs {
				return -1
			}
			return 1
		}
		return cmp.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name))
	})
	return likeliest(ts, func(e entityChoice) bool { return e.Label == p.Selected.Label }, p.into)
}

// maxChoices bounds each menu of the panel: a text of thousands of
// entities (or of mentions of one) would otherwise make as many options,
// and the panel would outgrow its DOM budget.
const maxChoices = 200

// likeliest keeps, of more than maxChoices choices, the maxChoices likeliest
// (those first says are, then the most mentioned) and any whose id is in
// keep (the ones picked), in the order given.
func likeliest(cs []entityChoice, first func(entityChoice) bool, keep ...string) []entityChoice {
	if len(cs) <= maxChoices {
		return cs
	}
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		if fi, fj := first(cs[i]), first(cs[j]); fi != fj {
			if fi {
				return -1
			}
			return 1
		}
		return cmp.Compare(cs[j].Count, cs[i].Count)
	})
	kept := make([]bool, len(cs))
	for _, i := range order[:maxChoices] {
		kept[i] = true
	}
	var out []entityChoice
	for i, c := range cs {
		if kept[i] || c.ID != "" && slices.Contains(keep, c.ID) {
			out = append(out, c)
		}
	}
	return out
}

// mentionWindow returns at most maxChoices mentions around the one at
// index at, and the index of the window's first in all.
func mentionWindow(all []mentionChoice, at int) ([]mentionChoice, int) {
	if len(all) <= maxChoices {
		return all, 0
	}
	from := min(max(at-maxChoices/2, 0), len(all)-maxChoices)
	return all[from : from+maxChoices], from
}

// speakers are the entities that can speak: names.
func (p *CorrectionsPanel) speakers() []entityChoice {
	var ss []entityChoice
	for _, e := range p.Entities {
		if e.Label.IsName() {
			ss = append(ss, e)
		}
	}
	slices.SortStableFunc(ss, func(x, y entityChoice) int { return cmp.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)) })
	return likeliest(ss, func(e entityChoice) bool { return e.Label == analyzer.PER }, p.speaker, p.Quote.Speaker)
}

// Render draws the panel.
func (p *CorrectionsPanel) Render() app.UI {
	p.picks()
	stale := 0
	for _, m := range p.Made {
		if m.Stale != "" {
			stale++
		}
	}
	return app.Section().ID("corrections").Class("panel corrections").Aria("labelledby", "corrections-title").
		OnKeyDown(guardEvent("correcting", p.onKey)).Body(
		app.Div().Class("corrections-head").Body(
			app.H2().ID("corrections-title").Body(
				app.Text("Corrections"),
				app.Span().Class("count").Text(len(p.Made)),
				app.Span().Class("visually-hidden").Text(" made"),
			),
			app.Div().Class("correct-history").Body(
				app.Button().Type("button").ID("correct-undo").Disabled(!p.CanUndo).
					Aria("keyshortcuts", "Control+Z").Title("Undo the last correction (Ctrl+Z)").
					OnClick(guardEvent("undoing a correction", p.simple(requestUndo))).Text("Undo"),
				app.Button().Type("button").ID("correct-redo").Disabled(!p.CanRedo).
					Aria("keyshortcuts", "Control+Shift+Z Control+Y").Title("Redo (Ctrl+Shift+Z)").
					OnClick(guardEvent("redoing a correction", p.simple(requestRedo))).Text("Redo"),
			),
		),
		app.If(!p.Available, app.P().Class("hint").Text(p.Why)),
		app.If(p.Available,
			app.If(p.Selected.ID == "" && p.Quote.Index < 0,
				app.P().ID("correct-hint").Class("hint").Text("Select an entity (in the list or the text) or a quote to correct it. Your corrections are kept with the article in the library."),
			),
			p.entityControls(),
			p.mentionControls(),
			p.quoteControls(),
			p.addControls(),
		),
		app.P().ID("correct-status").Class("status").Aria("live", "polite").Text(p.Note),
		app.If(stale > 0,
			app.Div().ID("correct-stale").Class("correct-stale").Body(
				app.P().Text(plural(stale, "correction no longer fits", "corrections no longer fit")+" the text: its words were edited away. It changes nothing until removed."),
				app.Button().Type("button").ID("correct-drop-stale").OnClick(guardEvent("correcting", p.simple(requestDropStale))).Text("Remove stale corrections"),
			),
		),
		app.If(len(p.Made) > 0,
			app.Ol().ID("correction-list").Class("correction-list").Body(
				app.Range(p.Made).Slice(func(i int) app.UI {
					m := p.Made[i]
					li := app.Li().Text(m.Text)
					if m.Stale != "" {
						li = app.Li().Class("stale").DataSet("stale", "true").Body(
							app.Text(m.Text),
							app.Span().Class("stale-why").Text(" Stale: "+m.Stale+"."),
						)
					}
					return li
				}),
			),
		),
	)
}

// entityControls relabel, merge or remove the selected entity.
func (p *CorrectionsPanel) entityControls() app.UI {
	e := p.Selected
	if e.ID == "" {
		return nil
	}
	label, targets, into := p.entityLabelNow(), p.mergeTargets(), p.intoNow()
	return app.FieldSet().ID("correct-entity").Class("correct-group").Body(
		app.Legend().Body(
			app.Span().Class("swatch").DataSet("label", string(e.Label)).Aria("hidden", true),
			app.Strong().Text(e.Name),
			app.Text(" · "+labelNames[e.Label]+" · "+plural(e.Count, "mention", "mentions")),
		),
		app.Div().Class("correct-row").Body(
			app.Label().For("correct-entity-label").Text("Label"),
			labelSelect("correct-entity-label", label, p.onEntityLabel), // guarded in labelSelect
			app.Button().Type("button").ID("correct-relabel").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.request(ctx, correctionRequest{Op: string(analyzer.RelabelEntity), Entity: p.Selected.ID, Label: p.entityLabelNow()})
			})).Text("Relabel all"),
		),
		app.If(len(targets) > 0,
			app.Div().Class("correct-row").Body(
				app.Label().For("correct-into").Text("Merge into"),
				app.Select().ID("correct-into").OnChange(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
					p.into = ctx.JSSrc().Get("value").String()
				})).Body(
					app.Range(targets).Slice(func(i int) app.UI {
						t := targets[i]
						return app.Option().Value(t.ID).Selected(t.ID == into).Text(t.Name + " (" + labelNames[t.Label] + ", " + strconv.Itoa(t.Count) + ")")
					}),
				),
				app.Button().Type("button").ID("correct-merge").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
					p.request(ctx, correctionRequest{Op: string(analyzer.Merge), Entity: p.Selected.ID, Into: p.intoNow()})
				})).Text("Merge"),
			),
		),
		app.Div().Class("correct-row").Body(
			app.Button().Type("button").ID("correct-remove-entity").Class("danger").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.request(ctx, correctionRequest{Op: string(analyzer.RemoveEntity), Entity: p.Selected.ID})
			})).Text("Not an entity: remove it"),
		),
	)
}

// mentionControls relabel, split off or remove one mention of the
// selected entity.
func (p *CorrectionsPanel) mentionControls() app.UI {
	if p.Selected.ID == "" || len(p.Mentions) == 0 {
		return nil
	}
	start, label := p.pickedMention(), p.mentionLabelNow()
	n := len(p.Mentions)
	shown, from := mentionWindow(p.Mentions, slices.IndexFunc(p.Mentions, func(m mentionChoice) bool { return m.Start == start }))
	return app.FieldSet().ID("correct-mention").Class("correct-group").Body(
		app.Legend().Text("One mention"),
		app.Div().Class("correct-row").Body(
			app.Label().For("correct-mention-pick").Text("Mention"),
			app.Select().ID("correct-mention-pick").OnChange(guardEvent("correcting", p.onMentionPick)).Body(
				app.Range(shown).Slice(func(i int) app.UI {
					m := shown[i]
					return app.Option().Value(m.Start).Selected(m.Start == start).
						Text(strconv.Itoa(from+i+1) + " of " + strconv.Itoa(n) + ": " + shorten(m.Context, 70))
				}),
			),
		),
		app.Div().Class("correct-row").Body(
			app.Label().For("correct-mention-label").Text("Label"),
			labelSelect("correct-mention-label", label, p.onMentionLabel), // guarded in labelSelect
			app.Button().Type("button").ID("correct-relabel-mention").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.request(ctx, correctionRequest{Op: string(analyzer.RelabelMention), Mention: p.pickedMention(), Label: p.mentionLabelNow()})
			})).Text("Relabel"),
		),
		app.Div().Class("correct-row").Body(
			app.Button().Type("button").ID("correct-split").Disabled(n < 2).
				Title("Make this mention an entity of its own").
				OnClick(guardEvent("splitting a mention off", func(ctx app.Context, _ app.Event) {
					p.request(ctx, correctionRequest{Op: string(analyzer.Split), Mention: p.pickedMention()})
				})).Text("Split off"),
			app.Button().Type("button").ID("correct-remove-mention").Class("danger").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.request(ctx, correctionRequest{Op: string(analyzer.RemoveMention), Mention: p.pickedMention()})
			})).Text("Remove mention"),
		),
	)
}

// quoteControls set or remove the current quote's speaker.
func (p *CorrectionsPanel) quoteControls() app.UI {
	q := p.Quote
	if q.Index < 0 {
		return nil
	}
	speakers, speaker := p.speakers(), p.speakerNow()
	return app.FieldSet().ID("correct-quote").Class("correct-group").Body(
		app.Legend().Body(app.Text("Speaker of "), app.Q().Text(q.Text)),
		app.If(len(speakers) > 0,
			app.Div().Class("correct-row").Body(
				app.Label().For("correct-speaker").Text("Speaker"),
				app.Select().ID("correct-speaker").OnChange(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
					p.speaker = ctx.JSSrc().Get("value").String()
				})).Body(
					app.Range(speakers).Slice(func(i int) app.UI {
						s := speakers[i]
						return app.Option().Value(s.ID).Selected(s.ID == speaker).Text(s.Name + " (" + labelNames[s.Label] + ")")
					}),
				),
				app.Button().Type("button").ID("correct-set-speaker").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
					p.request(ctx, correctionRequest{Op: string(analyzer.SetSpeaker), Quote: p.Quote.Index, Into: p.speakerNow()})
				})).Text("Set"),
			),
		),
		app.Div().Class("correct-row").Body(
			app.Button().Type("button").ID("correct-remove-speaker").Disabled(q.Speaker == "").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.request(ctx, correctionRequest{Op: string(analyzer.RemoveSpeaker), Quote: p.Quote.Index})
			})).Text("No speaker"),
		),
	)
}

// addControls add a missed mention: the words selected in the article, or
// the first unmarked occurrence of the words typed.
func (p *CorrectionsPanel) addControls() app.UI {
	as, sel := p.addAsNow(), p.Selection
	return app.FieldSet().ID("correct-add").Class("correct-group").Body(
		app.Legend().Text("Add a missed mention"),
		app.If(sel.Words != "",
			app.P().ID("correct-selection").Class("hint").Body(app.Text("Selected in the article: "), app.Q().Text(shorten(sel.Words, 60))),
		),
		app.If(sel.Words == "",
			app.Div().Class("correct-row").Body(
				app.Label().For("correct-add-words").Text("Words"),
				// Unbound: go-app would trim a bound value (see Annotator).
				app.Input().Type("text").ID("correct-add-words").AutoComplete(false).
					Placeholder("as in the text, or select them there").
					OnInput(guardEvent("reading the words", func(ctx app.Context, _ app.Event) { p.addWords = ctx.JSSrc().Get("value").String() })),
			),
		),
		app.Div().Class("correct-row").Body(
			app.Label().For("correct-add-as").Text("As"),
			app.Select().ID("correct-add-as").OnChange(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				p.addAs = ctx.JSSrc().Get("value").String()
			})).Body(
				app.If(p.Selected.ID != "", app.Option().Value("entity").Selected(as == "entity").Text("a mention of "+shorten(p.Selected.Name, 40))),
				app.Range(analyzer.Labels).Slice(func(i int) app.UI {
					l := analyzer.Labels[i]
					return app.Option().Value(string(l)).Selected(as == string(l)).Text(labelNames[l])
				}),
			),
			app.Button().Type("button").ID("correct-add-button").OnClick(guardEvent("correcting", func(ctx app.Context, _ app.Event) {
				r := correctionRequest{Op: string(analyzer.Add), Words: p.addWords}
				as, sel := p.addAsNow(), p.Selection
				if sel.Words != "" {
					r.Start, r.End, r.Words = sel.U16Start, sel.U16End, sel.Words
				}
				if as == "entity" {
					r.Entity = p.Selected.ID
				} else {
					r.Label = analyzer.Label(as)
				}
				p.request(ctx, r)
			})).Text("Add"),
		),
	)
}

// labelSelect is a menu of the labels, in the legend's words.
func labelSelect(id string, selected analyzer.Label, onChange app.EventHandler) app.UI {
	return app.Select().ID(id).OnChange(guardEvent("correcting", onChange)).Body(
		app.Range(analyzer.Labels).Slice(func(i int) app.UI {
			l := analyzer.Labels[i]
			return app.Option().Value(string(l)).Selected(l == selected).Text(labelNames[l])
		}),
	)
}

func (p *CorrectionsPanel) onEntityLabel(ctx app.Context, _ app.Event) {
	p.entityLabel = analyzer.Label(ctx.JSSrc().Get("value").String())
}

func (p *CorrectionsPanel) onMentionLabel(ctx app.Context, _ app.Event) {
	p.mentionLabel = analyzer.Label(ctx.JSSrc().Get("value").String())
}

func (p *CorrectionsPanel) onMentionPick(ctx app.Context, _ app.Event) {
	if start, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		p.mention, p.hasMention = start, true
	}
}

// simple is a handler sending a request without arguments.
func (p *CorrectionsPanel) simple(op string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) { p.request(ctx, correctionRequest{Op: op}) }
}

// onKey undoes (Ctrl+Z) and redoes (Ctrl+Shift+Z, Ctrl+Y) from anywhere in
// the panel but its text field, where those keys edit the words.
func (p *CorrectionsPanel) onKey(ctx app.Context, e app.Event) {
	if !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool() {
		return
	}
	if t := e.Get("target"); t.Truthy() && t.Get("tagName").String() == "INPUT" {
		return
	}
	switch key := strings.ToLower(e.Get("key").String()); {
	case key == "z" && !e.Get("shiftKey").Bool():
		p.request(ctx, correctionRequest{Op: requestUndo})
	case key == "z" || key == "y":
		p.request(ctx, correctionRequest{Op: requestRedo})
	}
}
