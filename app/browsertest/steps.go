package browsertest

import "testing"

// step is one named step of a scenario whose steps share a state S (the
// tab, what earlier steps found).
type step[S any] struct {
	name string
	run  func(S, *testing.T)
}

// runSteps runs the steps in order, each a subtest given s, each starting
// from what the last left. The tab p, when the steps share one, reports to
// the running step's test.
func runSteps[S any](t *testing.T, s S, p *Page, steps []step[S]) {
	for _, st := range steps {
		st.runIn(t, s, p)
	}
}

// runStepsWhileOK is runSteps for steps that each need the last to have
// passed: it stops at the first that fails.
func runStepsWhileOK[S any](t *testing.T, s S, p *Page, steps []step[S]) {
	for _, st := range steps {
		if !st.runIn(t, s, p) {
			return
		}
	}
}

// runIn runs the step as a subtest of t; false if it failed.
func (st step[S]) runIn(t *testing.T, s S, p *Page) bool {
	return t.Run(st.name, func(t *testing.T) {
		if p != nil {
			p.tb = t
		}
		st.run(s, t)
	})
}
