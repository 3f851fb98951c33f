package web

import (
	"strconv"
	"strings"
)

// An encoding is a content coding the site may have precompressed files in,
// stored beside the original with the suffix added (index.html.br).
type encoding struct {
	name   string // the Content-Encoding token
	suffix string
}

// encodings lists the precompressed variants in order of preference when the
// client accepts several equally: brotli files are smaller than gzip ones.
var encodings = []encoding{
	{name: "br", suffix: ".br"},
	{name: "gzip", suffix: ".gz"},
}

// acceptedEncodings parses an Accept-Encoding header into each listed coding's
// quality value (RFC 9110, section 12.5.3). Tokens are lower-cased; "*" stands
// for every coding the header does not name.
func acceptedEncodings(header string) map[string]float64 {
	accepted := map[string]float64{}
	for _, item := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(item, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token == "" {
			continue
		}
		quality := 1.0
		for _, param := range strings.Split(params, ";") {
			name, value, ok := strings.Cut(strings.TrimSpace(param), "=")
			if !ok || strings.ToLower(strings.TrimSpace(name)) != "q" {
				continue
			}
			q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
			if err != nil || q < 0 || q > 1 {
				q = 0 // an invalid weight makes the coding unacceptable
			}
			quality = q
		}
		accepted[token] = quality
	}
	return accepted
}

// quality returns the weight the client gives a coding: its own, else that of
// "*", else 0.
func quality(accepted map[string]float64, coding string) float64 {
	if q, ok := accepted[coding]; ok {
		return q
	}
	if q, ok := accepted["*"]; ok {
		return q
	}
	return 0
}

// preferredEncodings returns the encodings the client accepts, best first,
// keeping the server's order between equal weights.
func preferredEncodings(header string) []encoding {
	if header == "" {
		return nil
	}
	accepted := acceptedEncodings(header)
	var out []encoding
	for _, e := range encodings {
		if quality(accepted, e.name) > 0 {
			out = append(out, e)
		}
	}
	// A stable insertion sort by descending weight: at most two elements.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && quality(accepted, out[j].name) > quality(accepted, out[j-1].name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
