package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// errTruncated stops a truncating read at the limit.
var errTruncated = errors.New("truncated")

// capReader passes at most n bytes, then reports err: the read that would
// cross the limit fails, so nothing past it is ever requested from the
// network or the decompressor.
type capReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n <= 0 {
		return 0, c.err
	}
	if int64(len(p)) > c.n {
		p = p[:c.n]
	}
	n, err := c.r.Read(p)
	c.n -= int64(n)
	return n, err
}

// readBody reads the body, decompressing gzip or deflate, and bounds both
// the bytes on the wire and the bytes it decompresses to (a gzip bomb stops
// at limit). One byte more than limit is requested to tell "exactly limit"
// from "more". With truncate, the first limit bytes are returned instead
// of an error.
func readBody(resp *http.Response, limit int64, truncate bool) ([]byte, error) {
	if !truncate && resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds the limit of %d bytes", ErrTooLarge, resp.ContentLength, limit)
	}
	wire := &capReader{r: resp.Body, n: limit + 1, err: io.EOF}
	dec, err := decoder(resp.Header.Get("Content-Encoding"), wire)
	if err != nil {
		return nil, err
	}
	initial := int64(4096)
	if resp.ContentLength > 0 && resp.ContentLength <= limit {
		initial = resp.ContentLength + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, initial))
	_, err = buf.ReadFrom(&capReader{r: dec, n: limit + 1, err: io.EOF})
	switch {
	case err != nil && !(truncate && wire.n <= 0):
		return nil, bodyErr(err, wire, limit)
	case int64(buf.Len()) > limit || wire.n <= 0:
		if truncate {
			return buf.Bytes()[:min(int64(buf.Len()), limit)], nil
		}
		return nil, fmt.Errorf("%w: body exceeds the limit of %d bytes", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// bodyErr explains a failed read: a compressed stream cut by the wire
// limit is "too large", not "corrupt".
func bodyErr(err error, wire *capReader, limit int64) error {
	if wire.n <= 0 && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)) {
		return fmt.Errorf("%w: body exceeds the limit of %d bytes", ErrTooLarge, limit)
	}
	return fmt.Errorf("reading body: %w", err)
}

// decoder wraps r according to Content-Encoding. "deflate" is meant to be
// zlib-wrapped, but some servers send raw deflate: the zlib header tells.
func decoder(encoding string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("bad gzip body: %w", err)
		}
		return z, nil
	case "deflate":
		br := bufio.NewReader(r)
		if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			z, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("bad deflate body: %w", err)
			}
			return z, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
}
