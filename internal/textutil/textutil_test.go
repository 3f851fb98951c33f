package textutil

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// spaceSamples are the white space characters TrimSpace trims, and
// characters next to them in the code tables that it must keep.
var spaceSamples = []string{
	" ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a",
	"\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
	"\u0084", "\u00a1", "\u1681", "\u200b", "\u202a", "\u2030", "\u205e", "\u3001", "\x1f", "\x80",
	"\xc2", "\xe2\x80", "\xe2", "a", "é", "\ufffd",
}

func TestTrimSpaceMatchesStrings(t *testing.T) {
	for _, a := range spaceSamples {
		for _, b := range spaceSamples {
			for _, c := range spaceSamples {
				for _, s := range []string{a + b + c, a + "x" + b + c, a + b + "x" + c, a + "é" + c, b + c} {
					if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
						t.Errorf("TrimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
					}
				}
			}
		}
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range spaceSamples {
		f.Add(s + "x" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("TrimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	})
}

func TestEqualFoldMatchesStrings(t *testing.T) {
	choices := []string{"none", "passed", "j1", "h1b", "0", "1", "sk", "KS", "", "a b"}
	inputs := []string{"NONE", "None", "passed", "PAſſED", "paſſed", "h1B", "J1", "ſk", "ſK", "\u212as", "Ks",
		"sk ", "s", "", "\xff", "\ufffd", "nonE\x00", "a B", "a\u00a0b", "\u017f\u212a"}
	for _, choice := range choices {
		for _, s := range append(inputs, choices...) {
			if got, want := EqualFold(s, choice), strings.EqualFold(s, choice); got != want {
				t.Errorf("EqualFold(%q, %q) = %v, strings.EqualFold gives %v", s, choice, got, want)
			}
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r)
		for _, c := range []string{"s", "K", "a", "0"} {
			if got, want := EqualFold(s, c), strings.EqualFold(s, c); got != want {
				t.Errorf("EqualFold(%q, %q) = %v, strings.EqualFold gives %v", s, c, got, want)
			}
		}
	}
}

func TestEqualFoldNonASCIIChoice(t *testing.T) {
	if !EqualFold("é", "é") {
		t.Error(`EqualFold("é", "é") = false, want true`)
	}
	if EqualFold("É", "é") {
		t.Error(`EqualFold("É", "é") = true, want false: only an ASCII t is folded`)
	}
}

func FuzzEqualFold(f *testing.F) {
	f.Add("PAſſED", "passed")
	f.Add("\u212a", "k")
	f.Fuzz(func(t *testing.T, s, choice string) {
		if !isASCII(choice) {
			return
		}
		if got, want := EqualFold(s, choice), strings.EqualFold(s, choice); got != want {
			t.Errorf("EqualFold(%q, %q) = %v, strings.EqualFold gives %v", s, choice, got, want)
		}
	})
}

// invisibleExtra reports whether Quote escapes r although strconv.IsPrint
// accepts it: fillers and selectors that show nothing.
func invisibleExtra(r rune) bool {
	switch {
	case r == 0x034F, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5, r >= 0x180B && r <= 0x180F,
		r == 0x3164, r >= 0xFE00 && r <= 0xFE0F, r == 0xFFA0, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}

// wantQuote returns what Quote must write for "a", r and a double quote.
func wantQuote(r rune) string {
	s := "a" + string(r) + "\""
	switch {
	case invisibleExtra(r) && r < 0x10000:
		return `"a\u` + hexDigits(r, 4) + `\""`
	case invisibleExtra(r):
		return `"a\U` + hexDigits(r, 8) + `\""`
	case strconv.IsPrint(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zs, unicode.Zl, unicode.Zp):
		return strconv.Quote(s)
	default: // unassigned, private use: written as they are
		return `"a` + string(r) + `\""`
	}
}

func TestQuoteEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := "a" + string(r) + "\""
		if got, want := Quote(s), wantQuote(r); got != want {
			t.Fatalf("Quote(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestQuoteInvalidUTF8MatchesStrconv(t *testing.T) {
	for b := 0x80; b <= 0xff; b++ {
		for _, s := range []string{string(rune(b)), string([]byte{byte(b)}), string([]byte{0xe2, byte(b)}), "\\" + string([]byte{byte(b)}) + "x"} {
			if got, want := Quote(s), strconv.Quote(s); got != want {
				t.Errorf("Quote(%q) = %s, strconv.Quote gives %s", s, got, want)
			}
		}
	}
}

// FuzzQuote checks that Quote's output reads back as the input and shows
// every character that is not printable ASCII either as an escape or as a
// character strconv.IsPrint accepts.
func FuzzQuote(f *testing.F) {
	f.Add("12\u00a0\x00\xff\U0001F600\u2028…\u3164\U000E0100")
	f.Fuzz(func(t *testing.T, s string) {
		quoted := Quote(s)
		if back, err := strconv.Unquote(quoted); err != nil || (back != s && utf8.ValidString(s)) {
			t.Errorf("Quote(%q) = %s, which reads back as %q (%v)", s, quoted, back, err)
		}
		for _, r := range quoted {
			if r >= utf8.RuneSelf && (!visible(r) || !utf8.ValidRune(r) || unicode.In(r, unicode.Cf, unicode.Zs)) {
				t.Errorf("Quote(%q) = %s, which contains %U as it is", s, quoted, r)
			}
		}
	})
}

func TestAtoiMatchesStrconv(t *testing.T) {
	for _, s := range []string{"", "0", "-0", "+0", "-", "+", "12", "-12", "+12", "007", "1_0", "1.0", " 1", "1 ",
		"999999999999999999", "-99999999999999999", "1e3", "0x10", "٣", "12a", "--1", "+-1"} {
		n, err := strconv.Atoi(s)
		if got, ok := Atoi(s); ok != (err == nil) || got != n {
			t.Errorf("Atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", s, got, ok, n, err)
		}
	}
}

func FuzzAtoi(f *testing.F) {
	f.Add("-123")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 18 {
			return
		}
		n, err := strconv.Atoi(s)
		if got, ok := Atoi(s); ok != (err == nil) || got != n {
			t.Errorf("Atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", s, got, ok, n, err)
		}
	})
}

func TestJoinMatchesStrings(t *testing.T) {
	for _, elems := range [][]string{nil, {}, {"a"}, {"a", "b"}, {"", ""}, {"a", "", "c"}} {
		if got, want := Join(elems, ", "), strings.Join(elems, ", "); got != want {
			t.Errorf("Join(%q) = %q, want %q", elems, got, want)
		}
	}
}
