package analyzer_test

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/corpora"
)

// peakHeap runs f and returns the most heap it held above what was live
// before, sampling runtime.MemStats every millisecond (garbage not yet
// collected counts, as it does in a browser tab's memory).
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
				peak.Store(m.HeapAlloc - base)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	<-sampled
	return peak.Load()
}

// BenchmarkPeakMemory reports, for each pathological corpus of 1 MB, 4 MB
// and just under the 16 MB limit, the peak heap above the baseline while
// annotating it (and building the JSON result), as a multiple of the
// input: the budget is 40 for any input of 1 MB or more.
func BenchmarkPeakMemory(b *testing.B) {
	analyzer.LoadNames(nil)
	sizes := []struct {
		name  string
		bytes int
	}{{"1MB", 1 << 20}, {"4MB", 4 << 20}, {"16MB", 16<<20 - 1024}}
	for _, size := range sizes {
		for _, c := range corpora.All(size.bytes) {
			benchPeak(b, size.name+"/"+c.Name, c.Text)
		}
	}
}

// benchPeak reports the worst peak heap of annotating text over b.N runs.
func benchPeak(b *testing.B, name, text string) {
	b.Run(name, func(b *testing.B) {
		var worst uint64
		for range b.N {
			p := peakHeap(func() {
				doc, err := analyzer.Annotate(text, analyzer.Options{})
				if err != nil {
					b.Fatal(err)
				}
				doc.Result()
			})
			worst = max(worst, p)
		}
		b.ReportMetric(float64(worst)/float64(len(text)), "peak/input")
		b.ReportMetric(float64(worst)/1e6, "peak-MB")
	})
}
