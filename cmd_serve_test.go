package main

import (
	"errors"
	"net"
	"os"
	"syscall"
	"testing"
)

// The common causes a server cannot listen, as the system reports them,
// each in one French sentence with the address (a port already taken is
// in testdata/script/serve.txtar, on a real port).
func TestListenErrorsInWords(t *testing.T) {
	t.Parallel()
	listen := func(errno error) error {
		return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{listen(syscall.EACCES), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : les ports inférieurs à 1024 " +
			"demandent les droits d'administrateur ; prenez un port à partir de 1024 avec --listen (2222 par défaut)"},
		{listen(syscall.EADDRNOTAVAIL), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cette adresse n'est pas " +
			"celle de cette machine ; donnez avec --listen l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes"},
		{&net.OpError{Op: "listen", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}},
			"le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cet hôte est inconnu ; donnez avec --listen une " +
				"adresse IP, ou 0.0.0.0 pour toutes les interfaces"},
	} {
		if got, ok := listenError("0.0.0.0:22", tc.err); !ok || got != tc.want {
			t.Errorf("%v:\n got %q\nwant %q", tc.err, got, tc.want)
		}
	}
	if _, ok := listenError("0.0.0.0:22", errors.New("host key: bad")); ok {
		t.Error("an error that is not the listen's is said as a listen error")
	}
}
