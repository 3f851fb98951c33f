package plan

import "testing"

func BenchmarkParseAndAssess(b *testing.B) {
	values := Examples[1].ValuesFor(2027)
	b.ReportAllocs()
	for b.Loop() {
		p, _ := ParseProfile(values, today)
		_ = Assess(p)
	}
}
