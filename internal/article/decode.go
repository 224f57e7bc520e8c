package article

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// binarySignatures are file magics of formats that a fetcher commonly
// mistakes for pages (PDF reports, images, archives). Some of them contain
// no NUL byte in their first kilobytes and would otherwise pass as Latin-1.
var binarySignatures = [][]byte{
	[]byte("%PDF-"),
	[]byte("\x89PNG\r\n\x1a\n"),
	[]byte("GIF87a"), []byte("GIF89a"),
	[]byte("\xff\xd8\xff"), // JPEG
	[]byte("PK\x03\x04"),   // zip, docx, xlsx, jar
	[]byte("\x1f\x8b"),     // gzip
	[]byte("BZh"),          // bzip2 (checked with a digit below)
	[]byte("\xfd7zXZ\x00"), // xz
	[]byte("7z\xbc\xaf\x27\x1c"),
	[]byte("Rar!\x1a\x07"),
	[]byte("\x7fELF"),
	[]byte("\x00asm"),
	[]byte("RIFF"), // webp, wav, avi (checked with a form type below)
	[]byte("OggS"),
	[]byte("ID3"),              // mp3
	[]byte("\x28\xb5\x2f\xfd"), // zstd
}

// decode converts raw bytes to valid UTF-8 text with normalised line ends.
// Order matters: a BOM is the strongest evidence, then the NUL pattern of
// UTF-16 without BOM, then (only after ruling out UTF-16) NUL bytes mean
// binary, then a declared charset, then the bytes themselves.
func decode(raw []byte, contentType string) (string, error) {
	if sig := binarySignature(raw); sig != "" {
		return "", fmt.Errorf("%w: %s signature", ErrBinary, sig)
	}

	var s string
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		s = string(raw[3:])
	case bytes.HasPrefix(raw, []byte("\xff\xfe\x00\x00")) || bytes.HasPrefix(raw, []byte("\x00\x00\xfe\xff")):
		return "", fmt.Errorf("%w: UTF-32 is not supported", ErrBinary)
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		s = decodeUTF16(raw[2:], false)
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		s = decodeUTF16(raw[2:], true)
	default:
		if be, ok := utf16NULPattern(raw); ok {
			s = decodeUTF16(raw, be)
			break
		}
		if i := bytes.IndexByte(raw, 0); i >= 0 {
			return "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
		}
		s = decodeBytes(raw, contentType)
	}

	s = normalizeText(s)
	if ctl, n := controlRatio(s); n > 0 && ctl*50 > n {
		// More than 2% control characters: no news page looks like that.
		return "", fmt.Errorf("%w: %d of %d characters are control characters", ErrBinary, ctl, n)
	}
	return stripControlMarks(s), nil
}

func binarySignature(raw []byte) string {
	for _, sig := range binarySignatures {
		if !bytes.HasPrefix(raw, sig) {
			continue
		}
		switch string(sig) {
		case "BZh":
			if len(raw) < 4 || raw[3] < '1' || raw[3] > '9' {
				continue
			}
		case "RIFF":
			if len(raw) < 12 || !(string(raw[8:12]) == "WEBP" || string(raw[8:12]) == "WAVE" || string(raw[8:12]) == "AVI ") {
				continue
			}
		case "ID3":
			if len(raw) < 10 || raw[3] > 5 {
				continue
			}
		}
		return fmt.Sprintf("%q", sig)
	}
	return ""
}

// utf16NULPattern detects BOM-less UTF-16 from the typical layout of
// text: zero bytes on one parity only (every ASCII character, and at
// least the spaces and punctuation of Cyrillic or Greek text, has a zero
// high byte), almost never on the other. Binary data has zeros
// everywhere. The decision is made on a prefix so that a large document
// costs nothing extra.
func utf16NULPattern(raw []byte) (bigEndian, ok bool) {
	n := len(raw)
	if n > 4096 {
		n = 4096
	}
	n &^= 1
	if n < 4 {
		return false, false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			evenZero++
		}
		if raw[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs && evenZero*50 < pairs:
		return false, true
	case evenZero*10 >= pairs && oddZero*50 < pairs:
		return true, true
	}
	return false, false
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	// utf16.Decode maps unpaired surrogates to U+FFFD, so the result is
	// always valid UTF-8 once converted to string.
	return string(utf16.Decode(u))
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)`)

// decodeBytes handles single-byte and UTF-8 input. Declarations (HTTP
// header, then <meta> charset) are honoured unless the bytes contradict
// them in the two common ways: a page labelled Latin-1 that is really
// UTF-8, and a page labelled UTF-8 that is really Latin-1.
func decodeBytes(raw []byte, contentType string) string {
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		head := raw
		if len(head) > 4096 {
			head = head[:4096]
		}
		if m := metaCharsetRe.FindSubmatch(head); m != nil {
			label = string(m[1])
		}
	}

	valid := utf8.Valid(raw)
	var enc encoding.Encoding
	name := ""
	if label != "" {
		enc, name = charset.Lookup(label)
	}
	switch {
	case enc == nil || name == "utf-8":
		if valid || mostlyUTF8(raw) {
			return string(raw) // invalid sequences are replaced in normalizeText
		}
		enc = charmap.Windows1252
	case name == "utf-16le" || name == "utf-16be" || enc == unicode.UTF8:
		// A <meta> claiming UTF-16 in a byte-oriented document is wrong by
		// construction (HTML spec: treat as UTF-8).
		if valid || mostlyUTF8(raw) {
			return string(raw)
		}
		enc = charmap.Windows1252
	case valid && hasMultibyte(raw):
		// Labelled with a legacy charset but valid UTF-8 with non-ASCII
		// characters: mislabelled, the bytes win.
		return string(raw)
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return string(raw)
	}
	return string(out)
}

// mostlyUTF8 says whether invalid bytes look like damage (a truncated
// character, a stray byte) inside UTF-8 text rather than a legacy 8-bit
// encoding: valid multi-byte sequences must outnumber invalid bytes.
// (Latin-1 text almost never forms a valid sequence by chance: that needs
// an accented capital followed by a C1 or symbol byte.)
func mostlyUTF8(b []byte) bool {
	var good, bad int
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += size
	}
	return good > bad
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// normalizeText makes the text safe and uniform for the block classifier:
// valid UTF-8, "\n" line ends, no control characters, no invisible
// characters that break word matching, and ordinary spaces for the many
// Unicode spaces pages use (so "APT\u00a027" matches "APT 27" later).
func normalizeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// Control characters carry nothing readable. They are kept
			// as U+FFFD only to be counted by controlRatio.
			b.WriteRune(ctlMark)
		case r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a'):
			b.WriteByte(' ')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			// zero-width characters and soft hyphens split words invisibly
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ctlMark stands in for a control character between normalizeText and
// controlRatio; a private-use code point never occurs in news text.
const ctlMark = '\U000F0000'

// controlRatio counts control-character marks in (a prefix of) s and then
// removes them from consideration; it returns marks and total runes
// examined.
func controlRatio(s string) (ctl, n int) {
	for _, r := range s {
		n++
		if r == ctlMark {
			ctl++
		}
		if n >= 1<<16 {
			break
		}
	}
	return ctl, n
}

// stripControlMarks removes the marks left by normalizeText once the
// binary check has passed.
func stripControlMarks(s string) string {
	if !strings.ContainsRune(s, ctlMark) {
		return s
	}
	return strings.ReplaceAll(s, string(ctlMark), "")
}
