package analyzer

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"annotator/analyzer/corpora"
)

func TestZZMemStages(t *testing.T) {
	if os.Getenv("MEMSTAGES") == "" {
		t.Skip()
	}
	LoadNames()
	for _, c := range corpora.All(1 << 20) {
		if c.Name != os.Getenv("MEMSTAGES") && os.Getenv("MEMSTAGES") != "all" {
			continue
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		job, _ := Start(c.Text, Options{})
		line := c.Name + ":"
		for {
			st := job.Stage()
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			done := job.Step()
			runtime.ReadMemStats(&ms)
			alloc := ms.TotalAlloc - before
			heap := ms.HeapAlloc - base
			runtime.GC()
			runtime.ReadMemStats(&ms)
			live := ms.HeapAlloc - base
			if alloc > 1<<20 {
				line += fmt.Sprintf(" %s(+%.0f heap%.0f live%.0f)", st, float64(alloc)/1e6, float64(heap)/1e6, float64(live)/1e6)
			}
			if done {
				break
			}
		}
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		job.Document().Result()
		runtime.ReadMemStats(&ms)
		line += fmt.Sprintf(" result(+%.0f)", float64(ms.TotalAlloc-before)/1e6)
		t.Log(line)
	}
}
