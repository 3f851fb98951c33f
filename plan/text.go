package plan

import (
	"strconv"
	"time"
)

// FormatUSD writes whole US dollars with thousands separators: "$1,234".
func FormatUSD(n int) string { return formatUSD(n) }

// formatUSD writes whole US dollars with thousands separators: "$1,234".
func formatUSD(n int) string {
	if n < 0 {
		return "-" + formatUSD(-n)
	}
	return "$" + groupDigits(n)
}

// groupDigits writes a non-negative number with thousands separators: "10,941".
func groupDigits(n int) string {
	digits := itoa(n)
	if len(digits) <= 3 {
		return digits
	}
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	out := digits[:head]
	for i := head; i < len(digits); i += 3 {
		out += "," + digits[i:i+3]
	}
	return out
}

// appendTo appends s to *list. A call costs the .wasm about 70 bytes, an
// inlined append about 300.
//
//go:noinline
func appendTo(list *[]string, s string) { *list = append(*list, s) }

// formatPercent writes a percentage with one decimal: "32.7%".
func formatPercent(v float64) string {
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

// formatDate writes a date as "June 4, 2025".
//
//go:noinline
func formatDate(t time.Time) string {
	return t.Format("January 2, 2006")
}

// monthLabel writes a date's month as "June 2025".
func monthLabel(t time.Time) string {
	return t.Format("January 2006")
}

// joinOr joins items as "a", "a or b" or "a, b, or c". The serial comma
// keeps items that contain "and" apart.
func joinOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + " or " + items[1]
	}
	out := ""
	for _, item := range items[:len(items)-1] {
		out += item + ", "
	}
	return out + "or " + items[len(items)-1]
}

// compare returns -1, 0 or +1 as a is less than, equal to or greater than
// b, like cmp.Compare, keeping the package's direct imports to the short
// list the WebAssembly build allows.
func compare[T int | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// noCompare, as the first field of a struct, makes the struct type not
// comparable, so the compiler generates no equality function for it. The
// plan's result types carry it because the .wasm would otherwise hold an
// equality function for each of them, and nothing compares them.
type noCompare [0]func()

// Shorten returns s cut to at most MaxValueLength bytes, at the start of a
// UTF-8 sequence, with "…" appended when it was cut. Field and link-issue
// messages quote long values cut this way, and share links carry them so.
func Shorten(s string) string {
	if len(s) <= MaxValueLength {
		return s
	}
	end := MaxValueLength
	// A byte 10xxxxxx continues a UTF-8 sequence.
	for end > 0 && s[end]&0xc0 == 0x80 {
		end--
	}
	return s[:end] + "…"
}
