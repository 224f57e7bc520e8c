package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// MaxOPMLBytes bounds an OPML subscription list; real ones are a few KB.
const MaxOPMLBytes = 5 << 20

// ParseOPML returns the feeds (outlines with an http(s) xmlUrl) of an OPML
// file, at any depth of nesting, in document order and without duplicate
// URLs. A feed without a language takes its nearest ancestor's, so a
// folder outline language="it" covers the feeds in it. Hostile XML is
// refused as in ParseFeed.
func ParseOPML(data []byte) ([]FeedRef, error) {
	if len(data) > MaxOPMLBytes {
		return nil, fmt.Errorf("%w: OPML of %d bytes exceeds %d", ErrTooLarge, len(data), MaxOPMLBytes)
	}
	if err := checkXML(data); err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	// Hand-written OPML often has bare '&' in URLs; non-strict mode keeps
	// them literally. Go never expands entities it was not given.
	d.Strict = false
	d.CharsetReader = charsetReader

	var refs []FeedRef
	seen := map[string]bool{}
	var langs []string // language in force at each open element
	root := true
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: OPML: %v", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root {
				if !strings.EqualFold(t.Name.Local, "opml") {
					return nil, fmt.Errorf("%w: OPML: root element is <%s>, not <opml>", ErrMalformed, t.Name.Local)
				}
				root = false
			}
			lang := ""
			if len(langs) > 0 {
				lang = langs[len(langs)-1]
			}
			if !strings.EqualFold(t.Name.Local, "outline") {
				langs = append(langs, lang)
				continue
			}
			ref := outlineRef(t.Attr)
			if ref.Language == "" {
				ref.Language = lang
			}
			langs = append(langs, ref.Language)
			if ref.URL != "" && !seen[ref.URL] {
				seen[ref.URL] = true
				refs = append(refs, ref)
			}
		case xml.EndElement:
			if len(langs) > 0 {
				langs = langs[:len(langs)-1]
			}
		}
	}
	if root {
		return nil, fmt.Errorf("%w: OPML: no <opml> element", ErrMalformed)
	}
	return refs, nil
}

// outlineRef reads one outline's attributes; names are matched without
// regard to case because exporters disagree (xmlUrl, xmlURL, xmlurl).
func outlineRef(attrs []xml.Attr) FeedRef {
	var ref FeedRef
	var text string
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "xmlurl":
			ref.URL = absoluteHTTP(nil, v)
		case "title":
			ref.Title = plainText(v)
		case "text":
			text = plainText(v)
		case "language", "lang":
			ref.Language = primaryLanguage(v)
		}
	}
	if ref.Title == "" {
		ref.Title = text
	}
	return ref
}

// charsetReader lets OPML files declare a legacy encoding (ISO-8859-1,
// windows-1252, ...).
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}
