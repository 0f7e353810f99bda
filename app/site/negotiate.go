//go:build !wasm

package site

import (
	"strconv"
	"strings"
)

// negotiate picks the content coding to send from offers (best first,
// identity implied last) given a request's Accept-Encoding values, as RFC
// 9110 section 12.5.3 describes: the highest q-value wins, ties go to the
// earlier offer, "*" stands for codings not named, q=0 refuses, and identity
// is acceptable unless refused. With no header at all, identity. When the
// client refuses everything, identity is sent anyway.
func negotiate(accept []string, offers []string) string {
	if len(accept) == 0 {
		return identity
	}
	q := make(map[string]float64) // coding → q-value, as the client named them
	for _, line := range accept {
		for _, part := range strings.Split(line, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding == "" {
				continue
			}
			if coding == "x-gzip" {
				coding = "gzip"
			}
			v, ok := qValue(params)
			if !ok {
				continue
			}
			if old, seen := q[coding]; !seen || v > old {
				q[coding] = v
			}
		}
	}
	weight := func(coding string) float64 {
		if v, ok := q[coding]; ok {
			return v
		}
		if v, ok := q["*"]; ok {
			return v
		}
		if coding == identity {
			return 0.001 // acceptable unless refused, but least preferred
		}
		return 0
	}
	best, bestQ := identity, weight(identity)
	for i := len(offers) - 1; i >= 0; i-- { // backwards, so ties go to the earlier offer
		if w := weight(offers[i]); w > 0 && w >= bestQ {
			best, bestQ = offers[i], w
		}
	}
	return best
}

// qValue reads the q parameter of an Accept-Encoding element: 1 when absent,
// ok false when malformed.
func qValue(params string) (q float64, ok bool) {
	q = 1
	for _, p := range strings.Split(params, ";") {
		name, value, found := strings.Cut(p, "=")
		if !found || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || v < 0 || v > 1 {
			return 0, false
		}
		q = v
	}
	return q, true
}
