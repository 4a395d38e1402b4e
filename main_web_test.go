package main

import (
	"strings"
	"testing"
)

// serve's web options are checked before anything starts, each refusal in
// one French line with exit status 2.
func TestServeWebOptionsRefused(t *testing.T) {
	cleanEnv(t)
	db := t.TempDir() + "/e.db"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--http", "8080"}, "--http \"8080\" : une adresse HÔTE:PORT attendue"},
		{[]string{"--tls-cert", "c.pem", "--tls-key", "k.pem"}, "vont avec --http"},
		{[]string{"--http", "127.0.0.1:0", "--tls-cert", "c.pem"}, "--tls-cert et --tls-key vont ensemble"},
		{[]string{"--http", "127.0.0.1:0", "--trusted-proxy", "proxy.example"}, "--trusted-proxy \"proxy.example\""},
		{[]string{"--link-url", "ftp://ent.example.org/"}, "--link-url \"ftp://ent.example.org/\" : une adresse https://"},
		{[]string{"--link-url", "https://ent.example.org/?t=x"}, "--link-url"},
	} {
		r := runCmd(t, append([]string{"serve", "--db", db}, tc.args...)...)
		if r.status != 2 || !strings.Contains(r.errOut, tc.want) {
			t.Errorf("serve %v: status %d, stderr %q; want 2 and %q", tc.args, r.status, r.errOut, tc.want)
		}
	}
	t.Setenv("ENTKIOSK_HTTP", "nonsense")
	if r := runCmd(t, "serve", "--db", db); r.status != 2 || !strings.Contains(r.errOut, "--http \"nonsense\"") {
		t.Errorf("ENTKIOSK_HTTP=nonsense: status %d, stderr %q", r.status, r.errOut)
	}
}

func TestServeHelpNamesTheWebOptions(t *testing.T) {
	cleanEnv(t)
	r := runCmd(t, "help", "serve")
	for _, opt := range []string{"--http HÔTE:PORT", "--trusted-proxy ADRESSES", "--tls-cert CHEMIN", "--tls-key CHEMIN", "--link-url URL"} {
		if !strings.Contains(r.out, "  "+opt+"\n") {
			t.Errorf("help serve has no %s:\n%s", opt, r.out)
		}
	}
}
