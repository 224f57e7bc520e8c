package article

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"
)

var isoDateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// FuzzParse: whatever the bytes, Parse must not panic, must fail only
// with its typed errors, and must return valid UTF-8 and well-formed
// dates.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, "")
			f.Add(b, "text/html; charset=utf-8")
		}
	}
	for _, s := range []string{
		"", " ", "\x00", "\xff\xfe", "\xfe\xff\x00A", "<", "<html", "<!--", "<?xml", "<p>x</p>" + "<div>",
		" date 2021-01-01 x", "Read more", "Related articles\n\nx...", "\xe9t\xe9", "a\rb\r\nc",
		"<meta charset=utf-16><p>x</p><p>y</p><p>z</p>", "(A – b, c)", "1. x:\n2. y",
	} {
		f.Add([]byte(s), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		a, err := Parse(data, Options{ContentType: contentType, MaxBytes: 1 << 20, URL: "https://example.com/2021/02/03/x"})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		for name, s := range map[string]string{"Text": a.Text, "Title": a.Title, "Author": a.Author, "URL": a.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if a.Published != "" && !isoDateRe.MatchString(a.Published) {
			t.Fatalf("Published = %q", a.Published)
		}
	})
}
