package web

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strings"
)

// HeaderRules is a parsed _headers file: the response headers that static
// hosts such as Netlify, Cloudflare Pages and Cloudflare Workers apply by
// request path. The site generates the file (layouts/home.headers), so this
// server sends the same headers as those hosts.
//
// The supported syntax is Cloudflare's: a rule is a path pattern on a line of
// its own followed by indented "Name: value" lines. A pattern may contain one
// "*" splat, which matches any run of characters, and ":name" placeholders,
// which match one path segment. An indented "! Name" line removes a header
// that an earlier matching rule set. Lines starting with "#" are comments.
// Absolute URL patterns (https://host/path) are not supported.
type HeaderRules []HeaderRule

// HeaderRule is one path pattern with the headers it sets and removes.
type HeaderRule struct {
	Pattern string
	Set     http.Header
	Detach  []string
}

// ParseHeaderRules reads a _headers file.
func ParseHeaderRules(r io.Reader) (HeaderRules, error) {
	var rules HeaderRules
	scanner := bufio.NewScanner(r)
	line := 0
	for scanner.Scan() {
		line++
		text := scanner.Text()
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}

		indented := text[0] == ' ' || text[0] == '\t'
		if !indented {
			if !strings.HasPrefix(trimmed, "/") {
				return nil, fmt.Errorf("_headers line %d: pattern %q must start with /; absolute URL patterns are not supported", line, trimmed)
			}
			if strings.Count(trimmed, "*") > 1 {
				return nil, fmt.Errorf("_headers line %d: pattern %q has more than one *", line, trimmed)
			}
			rules = append(rules, HeaderRule{Pattern: trimmed, Set: http.Header{}})
			continue
		}

		if len(rules) == 0 {
			return nil, fmt.Errorf("_headers line %d: header %q comes before any path pattern", line, trimmed)
		}
		rule := &rules[len(rules)-1]
		if name, ok := strings.CutPrefix(trimmed, "!"); ok {
			rule.Detach = append(rule.Detach, textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name)))
			continue
		}
		name, value, ok := strings.Cut(trimmed, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("_headers line %d: %q is not a \"Name: value\" header line", line, trimmed)
		}
		rule.Set.Add(name, strings.TrimSpace(value))
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("read _headers: %w", err)
	}
	return rules, nil
}

// Headers returns the headers for a request path: those of every matching
// rule, in file order. A header that several matching rules set gets their
// values joined with ", ", as Cloudflare does.
func (rules HeaderRules) Headers(path string) http.Header {
	out := http.Header{}
	for _, rule := range rules {
		if !rule.Matches(path) {
			continue
		}
		for _, name := range rule.Detach {
			out.Del(name)
		}
		for name, values := range rule.Set {
			for _, v := range values {
				if prev := out.Get(name); prev != "" {
					v = prev + ", " + v
				}
				out.Set(name, v)
			}
		}
	}
	return out
}

// Wrap returns a handler that sets the headers of the matching rules on every
// response before h writes it. Headers that h sets itself take precedence.
func (rules HeaderRules) Wrap(h http.Handler) http.Handler {
	if len(rules) == 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := w.Header()
		for name, values := range rules.Headers(r.URL.Path) {
			header[name] = values
		}
		h.ServeHTTP(w, r)
	})
}

// Matches reports whether the rule applies to a request path.
func (rule HeaderRule) Matches(path string) bool {
	return matchPattern(rule.Pattern, path)
}

// matchPattern reports whether path matches a _headers pattern.
func matchPattern(pattern, path string) bool {
	before, after, hasSplat := strings.Cut(pattern, "*")
	if !hasSplat {
		return matchSegments(pattern, path)
	}
	// The splat matches path[i:j]. It is greedy, but for whether the pattern
	// matches at all, any split that lets both sides match will do.
	for i := 0; i <= len(path); i++ {
		if !matchSegments(before, path[:i]) {
			continue
		}
		for j := i; j <= len(path); j++ {
			if matchSegments(after, path[j:]) {
				return true
			}
		}
	}
	return false
}

// matchSegments matches a pattern without a splat, where a ":name" segment
// matches any one non-empty path segment.
func matchSegments(pattern, path string) bool {
	if !strings.Contains(pattern, ":") {
		return pattern == path
	}
	patternParts := strings.Split(pattern, "/")
	pathParts := strings.Split(path, "/")
	if len(patternParts) != len(pathParts) {
		return false
	}
	for i, part := range patternParts {
		if strings.HasPrefix(part, ":") && len(part) > 1 {
			if pathParts[i] == "" {
				return false
			}
			continue
		}
		if part != pathParts[i] {
			return false
		}
	}
	return true
}
