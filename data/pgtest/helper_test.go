package pgtest

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// TestHelperPostgres keeps a PostgreSQL running for a person to try
// entkiosk against (the README's deployment section, the figures):
//
//	ENTKIOSK_PG_ENV=/tmp/pg.env go test ./data/pgtest -run TestHelperPostgres -v -timeout 0
//
// writes ENTKIOSK_PG_URL (an empty database) and ENTKIOSK_PG_ADMIN (the
// superuser) to that file, and stops the server on ctrl+c.
func TestHelperPostgres(t *testing.T) {
	envFile := os.Getenv("ENTKIOSK_PG_ENV")
	if envFile == "" {
		t.Skip("ENTKIOSK_PG_ENV not set: a helper for trying entkiosk against PostgreSQL by hand")
	}
	u := Start(t)
	env := fmt.Sprintf("ENTKIOSK_PG_URL=%s\nENTKIOSK_PG_ADMIN=%s\n", u, Shared(t).AdminURL())
	if err := os.WriteFile(envFile, []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("PostgreSQL in %s; variables in %s", Shared(t).Dir, envFile)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
