// Package textutil has string functions that return what their strings and
// strconv counterparts return for the inputs this module passes them, and a
// Quote that differs from strconv.Quote only as its doc describes. They keep
// out of the WebAssembly build the Unicode case, space and printable tables
// and strconv's error and quoting code that the counterparts bring in. The
// tests compare each function with its counterpart.
package textutil

import "unicode/utf8"

// TrimSpace returns s without leading and trailing white space, as
// strings.TrimSpace does: ASCII white space and the Unicode White_Space
// characters U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029,
// U+202F, U+205F and U+3000.
//
// It matches the first and last one to three bytes against those
// characters. UTF-8 encodings are prefix-free and self-synchronizing, so
// that finds the same characters as decoding the first and last rune.
func TrimSpace(s string) string {
	for n := 1; n <= 3 && n <= len(s); n++ {
		if isSpace(s[:n]) {
			s = s[n:]
			n = 0
		}
	}
	for n := 1; n <= 3 && n <= len(s); n++ {
		if isSpace(s[len(s)-n:]) {
			s = s[:len(s)-n]
			n = 0
		}
	}
	return s
}

// isSpace reports whether s is exactly the UTF-8 encoding of one white
// space character.
func isSpace(s string) bool {
	switch s {
	case "\t", "\n", "\v", "\f", "\r", " ", "\u0085", "\u00a0", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000":
		return true
	}
	// U+2000 to U+200A are E2 80 80 to E2 80 8A.
	return len(s) == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0x8a
}

// EqualFold reports whether s and t are equal under simple Unicode case
// folding, as strings.EqualFold does, when t is ASCII. Outside ASCII only
// U+017F (long s) and U+212A (Kelvin sign) fold to ASCII letters, to s and
// k. When t is not ASCII, EqualFold reports whether s == t.
func EqualFold(s, t string) bool {
	if !isASCII(t) {
		return s == t
	}
	j := 0
	for i := 0; i < len(s); {
		if j >= len(t) {
			return false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if lower(c) != lower(t[j]) {
				return false
			}
			i++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		want := lower(t[j])
		if !(r == '\u017f' && want == 's' || r == '\u212a' && want == 'k') {
			return false
		}
		i += size
		j++
	}
	return j == len(t)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lower returns the lower case of an ASCII letter and any other byte as it is.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Quote returns s as a double-quoted Go string literal in which every
// character a reader could not see is an escape sequence. Those are
// control, format and separator characters other than the ASCII space,
// invisible fillers, variation selectors and invalid UTF-8.
//
// For those and for printable characters it writes what strconv.Quote
// writes. Unassigned and private-use characters stay as they are, which
// keeps strconv's tables of printable characters out of the .wasm.
func Quote(s string) string {
	out := `"`
	for len(s) > 0 {
		r, width := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s)
		}
		switch {
		case width == 1 && r == utf8.RuneError:
			out += `\x` + hexDigits(rune(s[0]), 2)
		case r == '"' || r == '\\':
			out += `\` + s[:1]
		case visible(r):
			out += s[:width]
		case r < ' ' || r == 0x7f:
			if i := indexByte("\a\b\f\n\r\t\v", byte(r)); i >= 0 {
				out += `\` + "abfnrtv"[i:i+1]
			} else {
				out += `\x` + hexDigits(r, 2)
			}
		case r < 0x10000:
			out += `\u` + hexDigits(r, 4)
		default:
			out += `\U` + hexDigits(r, 8)
		}
		s = s[width:]
	}
	return out + `"`
}

// invisible lists the ranges, as first and last, of the non-ASCII
// characters Quote escapes. They are the Unicode 15.0 categories Cc, Cf, Zs,
// Zl and Zp, as in Go's unicode package. The rest show nothing: U+034F,
// U+115F, U+1160, U+17B4, U+17B5, U+180B to U+180F, U+3164, U+FFA0 and the
// variation selectors.
var invisible = [...]rune{
	0x007F, 0x00A0, 0x00AD, 0x00AD, 0x034F, 0x034F, 0x0600, 0x0605,
	0x061C, 0x061C, 0x06DD, 0x06DD, 0x070F, 0x070F, 0x0890, 0x0891,
	0x08E2, 0x08E2, 0x115F, 0x1160, 0x1680, 0x1680, 0x17B4, 0x17B5,
	0x180B, 0x180F, 0x2000, 0x200F, 0x2028, 0x202F, 0x205F, 0x2064,
	0x2066, 0x206F, 0x3000, 0x3000, 0x3164, 0x3164, 0xFE00, 0xFE0F,
	0xFEFF, 0xFEFF, 0xFFA0, 0xFFA0, 0xFFF9, 0xFFFB, 0x110BD, 0x110BD,
	0x110CD, 0x110CD, 0x13430, 0x1343F, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A,
	0xE0001, 0xE0001, 0xE0020, 0xE007F, 0xE0100, 0xE01EF,
}

// visible reports whether Quote writes r as it is.
func visible(r rune) bool {
	if r < 0x7f {
		return r >= ' '
	}
	for i := 0; i < len(invisible); i += 2 {
		if r < invisible[i] {
			return true
		}
		if r <= invisible[i+1] {
			return false
		}
	}
	return true
}

// hexDigits writes the n lowest hexadecimal digits of r in lower case.
func hexDigits(r rune, n int) string {
	const hex = "0123456789abcdef"
	digits := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		digits[i] = hex[r&0xf]
		r >>= 4
	}
	return string(digits)
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Atoi returns the integer s contains and true, or 0 and false when
// strconv.Atoi would return an error, for s of at most 18 bytes: an
// optional sign and decimal digits, which always fit in an int64.
func Atoi(s string) (int, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	digits := s
	if s[0] == '-' || s[0] == '+' {
		digits = s[1:]
		if digits == "" {
			return 0, false
		}
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		d := digits[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int(d)
	}
	if s[0] == '-' {
		n = -n
	}
	return n, true
}

// Join concatenates elems with sep between them, as strings.Join does.
func Join(elems []string, sep string) string {
	out := ""
	for i, e := range elems {
		if i > 0 {
			out += sep
		}
		out += e
	}
	return out
}
