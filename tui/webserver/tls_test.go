package webserver

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T) (certPath, keyPath string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certPath, keyPath = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certPath, keyPath, pool
}

// --tls-cert/--tls-key: the page and its WebSocket over TLS, with HSTS.
func TestTLSListener(t *testing.T) {
	certPath, keyPath, pool := selfSigned(t)
	wt := startWeb(t, func(o *Options) { o.TLSCert, o.TLSKey = certPath, keyPath })
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := hc.Get("https://" + wt.host + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Fatalf("%s, HSTS %q", resp.Status, resp.Header.Get("Strict-Transport-Security"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "wss://"+wt.host+"/ws", &websocket.DialOptions{HTTPClient: hc,
		HTTPHeader: http.Header{"Origin": {"https://" + wt.host}}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	b, _ := json.Marshal(map[string]any{"type": "hello", "cols": 80, "rows": 24})
	if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := conn.Read(ctx); err != nil || len(msg) == 0 {
		t.Fatalf("no screen over wss: %v", err)
	}
	// Plain HTTP on the TLS port is not served.
	if resp, err := http.Get("http://" + wt.host + "/"); err == nil && resp.StatusCode == http.StatusOK {
		t.Fatal("the page is served without TLS")
	}
}

func TestTLSOptionsGoTogether(t *testing.T) {
	wt := startWeb(t)
	if _, err := New(Options{Store: wt.store, TLSCert: "cert.pem"}); err == nil {
		t.Fatal("--tls-cert without --tls-key accepted")
	}
	if _, err := New(Options{Store: wt.store, TLSCert: "/nonexistent/cert.pem", TLSKey: "/nonexistent/key.pem"}); err == nil {
		t.Fatal("a missing certificate accepted")
	}
}
