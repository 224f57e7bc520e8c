package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxInputSize bounds one input file or JSONL line.
const MaxInputSize = 64 << 20

// InputError is a failure to read one input; the others go on.
type InputError struct {
	Where string // file, file:line or "-"
	Err   error
}

func (e *InputError) Error() string { return e.Where + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// jsonlArticle is one line of the gold-format JSONL (../shared/seeds/gold.jsonl).
type jsonlArticle struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	URL       string          `json:"url"`
	Published *string         `json:"published"`
}

// ReadInputs calls fn for each document in the named inputs: "-" is stdin,
// a .jsonl file holds one article a line, a directory is read file by file,
// anything else is one document named after its file. Failures are passed to
// fn as *InputError and reading goes on.
func ReadInputs(names []string, stdin io.Reader, fn func(Document, error)) {
	for _, name := range names {
		if name == "-" {
			data, err := readAllLimited(stdin)
			if err != nil {
				fn(Document{ID: "stdin"}, &InputError{"-", err})
				continue
			}
			if looksLikeJSONL(data) {
				readJSONL("-", bytes.NewReader(data), fn)
				continue
			}
			fn(Document{ID: "stdin", Raw: data}, nil)
			continue
		}
		st, err := os.Stat(name)
		if err != nil {
			fn(Document{ID: baseID(name)}, &InputError{name, err})
			continue
		}
		if st.IsDir() {
			var files []string
			filepath.WalkDir(name, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
					files = append(files, p)
				}
				return nil
			})
			ReadInputs(files, stdin, fn)
			continue
		}
		if strings.EqualFold(filepath.Ext(name), ".jsonl") {
			f, err := os.Open(name)
			if err != nil {
				fn(Document{ID: baseID(name)}, &InputError{name, err})
				continue
			}
			readJSONL(name, f, fn)
			f.Close()
			continue
		}
		if st.Size() > MaxInputSize {
			fn(Document{ID: baseID(name)}, &InputError{name, fmt.Errorf("file is %d MB, over the %d MB limit", st.Size()>>20, MaxInputSize>>20)})
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			fn(Document{ID: baseID(name)}, &InputError{name, err})
			continue
		}
		fn(Document{ID: baseID(name), Raw: data}, nil)
	}
}

func baseID(name string) string {
	b := filepath.Base(name)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func looksLikeJSONL(data []byte) bool {
	t := bytes.TrimSpace(data)
	if len(t) == 0 || t[0] != '{' {
		return false
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	var a jsonlArticle
	return json.Unmarshal(line, &a) == nil && a.Text != nil
}

func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInputSize {
		return nil, fmt.Errorf("input over the %d MB limit", MaxInputSize>>20)
	}
	return data, nil
}

func readJSONL(name string, r io.Reader, fn func(Document, error)) {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, errLineTooLong) {
			where := fmt.Sprintf("%s:%d", name, n)
			if errors.Is(err, errLineTooLong) {
				fn(Document{ID: where}, &InputError{where, err})
			} else {
				doc, perr := parseJSONLLine(line)
				if doc.ID == "" {
					doc.ID = where
				}
				if perr != nil {
					fn(Document{ID: where}, &InputError{where, perr})
				} else {
					fn(doc, nil)
				}
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			fn(Document{ID: name}, &InputError{name, err})
			return
		}
	}
}

var errLineTooLong = fmt.Errorf("line over the %d MB limit", MaxInputSize>>20)

// readLine reads one line without its newline, draining over-long lines.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxInputSize {
			// Drain the rest of the line so that the next one can be read.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		switch {
		case err == nil:
			return bytes.TrimRight(buf, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return buf, err
		}
	}
}

func parseJSONLLine(line []byte) (Document, error) {
	var a jsonlArticle
	if err := json.Unmarshal(line, &a); err != nil {
		return Document{}, fmt.Errorf("not a JSON object: %v", err)
	}
	var id string
	if len(a.ID) > 0 {
		if err := json.Unmarshal(a.ID, &id); err != nil {
			id = strings.Trim(string(a.ID), `"`)
		}
	}
	doc := Document{ID: id, URL: a.URL}
	switch {
	case a.Text != nil:
		doc.Raw = []byte(*a.Text) // HTML or text: told apart by content
	case a.HTML != nil:
		doc.Raw = []byte(*a.HTML)
		doc.ContentType = "text/html; charset=utf-8"
	default:
		return doc, errors.New(`no "text" (or "html") field`)
	}
	if a.Published != nil && len(*a.Published) >= 10 {
		doc.Published = (*a.Published)[:10]
	}
	if doc.ID == "" {
		return doc, errors.New(`no "id" field`)
	}
	return doc, nil
}
