package data

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgreSQL is the store's second back end: several servers (one per
// campus, or one to take over) on one truth. The rules are the same code as
// on SQLite; this file holds what only PostgreSQL needs: the URL, the
// password, the sentences for its errors, and the rebinding of the rules'
// "?" placeholders to PostgreSQL's "$n".

// minPostgres is the oldest server we accept (server_version_num): the
// release the schema and the rules are tested on.
const minPostgres = 150000

// pgConnectTimeout bounds a connection attempt when the URL sets none: an
// unreachable server is said within it rather than after the system's minutes.
const pgConnectTimeout = 10 * time.Second

// pgTarget is who a PostgreSQL store connects as, and where.
type pgTarget struct{ user, database, host, password string }

// IsPostgresURL says whether --db names a PostgreSQL store rather than a file.
func IsPostgresURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openPostgres opens the store at a postgres:// URL and brings its schema up
// to date. The password comes from cfg.DBPassword (--db-password-file),
// PGPASSWORD or ~/.pgpass (pgx reads both), never from the URL: a URL is
// given on command lines and in environments that others may read.
func openPostgres(rawURL string, cfg Config) (*Store, error) {
	shown := redactURL(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("base %s : adresse PostgreSQL illisible (attendu postgres://utilisateur@hôte:port/base?sslmode=…)", shown)
	}
	if _, has := u.User.Password(); has {
		return nil, fmt.Errorf("base %s : le mot de passe ne se met pas dans l'adresse (elle se lit dans la liste des "+
			"processus) ; donnez-le par PGPASSWORD, --db-password-file ou ~/.pgpass", shown)
	}
	if u.Query().Has("password") {
		return nil, fmt.Errorf("base %s : le mot de passe ne se met pas dans l'adresse (paramètre password) ; donnez-le par "+
			"PGPASSWORD, --db-password-file ou ~/.pgpass", shown)
	}
	pc, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("base %s : adresse PostgreSQL refusée : %s", shown, scrub(pgErrText(err), cfg.DBPassword))
	}
	if cfg.DBPassword != "" {
		pc.Password = cfg.DBPassword
	}
	if pc.ConnectTimeout == 0 {
		pc.ConnectTimeout = pgConnectTimeout
	}
	pc.RuntimeParams["application_name"] = "entkiosk"
	pc.RuntimeParams["timezone"] = "UTC"
	if cfg.ReadOnly {
		// audit, outbox: the commands that only read are refused any write
		// by the server itself, as SQLite's mode=ro does.
		pc.RuntimeParams["default_transaction_read_only"] = "on"
		cfg.MustExist = true
	}
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*pc)})
	// Connections a server holds: enough for the logins argon2 lets through
	// at once; the server's max_connections is shared by every entkiosk.
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, path: shown, cfg: cfg, hasher: cfg.Hasher, dialect: dialectPostgres,
		pg:   pgTarget{user: pc.User, database: pc.Database, host: fmt.Sprintf("%s:%d", pc.Host, pc.Port), password: pc.Password},
		dirq: &dirSignal{wake: make(chan struct{}, 1)}}
	if err := s.checkPostgres(); err != nil {
		db.Close()
		return nil, err
	}
	if cfg.MustExist {
		if err := s.checkSchema(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if cfg.ReadOnly {
		if err := s.checkMigrated(); err != nil {
			db.Close()
			return nil, err
		}
	} else if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadSecret(); err != nil {
		db.Close()
		return nil, s.explain(err)
	}
	return s, nil
}

// checkPostgres connects (the errors an operator meets first: server
// unreachable, password, database, TLS) and checks the server's version.
func (s *Store) checkPostgres() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*pgConnectTimeout)
	defer cancel()
	var version int
	if err := s.db.QueryRowContext(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		return s.explain(err)
	}
	if version < minPostgres {
		return fmt.Errorf("base %s : PostgreSQL %d.%d est trop ancien (15 ou plus récent)", s.path, version/10000, version%10000)
	}
	return nil
}

// checkMigrated refuses to read a store older than this program (a read-only
// store cannot be migrated, and the queries would fail on a missing column).
func (s *Store) checkMigrated() error {
	var schema int
	if err := s.db.QueryRow(`SELECT version FROM schema_version`).Scan(&schema); err != nil {
		return s.explain(err)
	}
	want, err := latestMigration()
	if err != nil {
		return err
	}
	if schema < want {
		return fmt.Errorf("base %s : ouverte en lecture seule, elle date d'une version antérieure d'entkiosk "+
			"(schéma %d, %d attendu) ; démarrez une fois entkiosk serve (ou une commande qui écrit) pour la mettre à jour", s.path, schema, want)
	}
	return nil
}

// explainPostgres says a PostgreSQL error met at start in a sentence for the
// operator; the password is never in it.
func (s *Store) explainPostgres(err error) error {
	var pe *pgconn.PgError
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	text := pgErrText(err)
	switch {
	case errors.As(err, &pe):
		switch pe.Code {
		case "28P01":
			return fmt.Errorf("base %s : mot de passe refusé pour l'utilisateur %s (PGPASSWORD, --db-password-file ou ~/.pgpass)", s.path, s.pg.user)
		case "28000":
			return fmt.Errorf("base %s : le serveur refuse la connexion de l'utilisateur %s à la base %s (une ligne de "+
				"pg_hba.conf manque, ou elle exige TLS : sslmode=require)", s.path, s.pg.user, s.pg.database)
		case "3D000":
			return fmt.Errorf("base %s : la base %s n'existe pas sur le serveur %s (createdb -O %s %s)", s.path, s.pg.database, s.pg.host, s.pg.user, s.pg.database)
		case "42501":
			return fmt.Errorf("base %s : l'utilisateur %s n'a pas les droits nécessaires (%s) ; il doit posséder la base "+
				"ou son schéma (ALTER DATABASE %s OWNER TO %s)", s.path, s.pg.user, scrub(pe.Message, s.pg.password), s.pg.database, s.pg.user)
		case "53300":
			return fmt.Errorf("base %s : le serveur n'accepte plus de connexions (max_connections atteint)", s.path)
		case "57P03":
			return fmt.Errorf("base %s : le serveur démarre ou s'arrête ; réessayez dans un instant", s.path)
		case "25006":
			return fmt.Errorf("base %s : le serveur est en lecture seule (un serveur de secours ?) ; entkiosk doit pouvoir y écrire", s.path)
		}
		return fmt.Errorf("base %s : %s", s.path, scrub(pe.Message, s.pg.password))
	case strings.Contains(text, "server refused TLS connection"):
		return fmt.Errorf("base %s : le serveur %s refuse TLS, que sslmode exige (activez ssl sur le serveur, ou "+
			"sslmode=disable sur une liaison de confiance)", s.path, s.pg.host)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		return fmt.Errorf("base %s : certificat TLS du serveur %s refusé (%s) ; donnez l'autorité qui l'a signé par sslrootcert=…", s.path, s.pg.host, scrub(text, s.pg.password))
	case errors.As(err, &dnsErr):
		return fmt.Errorf("base %s : l'hôte %s est inconnu (vérifiez l'adresse dans --db)", s.path, dnsErr.Name)
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(text, "timeout"):
		return fmt.Errorf("base %s : le serveur %s ne répond pas (arrêté, ou un pare-feu ?)", s.path, s.pg.host)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Errorf("base %s : serveur PostgreSQL injoignable à %s (est-il démarré ? écoute-t-il sur cette adresse ?)", s.path, s.pg.host)
	case strings.Contains(text, "password"):
		return fmt.Errorf("base %s : le serveur demande un mot de passe pour l'utilisateur %s, et aucun n'est donné "+
			"(PGPASSWORD, --db-password-file ou ~/.pgpass)", s.path, s.pg.user)
	}
	return fmt.Errorf("base %s : %s", s.path, scrub(text, s.pg.password))
}

// pgErrText is an error's text without the pgx prefix that names the user
// and database (the sentence names them itself).
func pgErrText(err error) string {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		if inner := errors.Unwrap(ce); inner != nil {
			return inner.Error()
		}
	}
	return err.Error()
}

// scrub removes the password from a text that might quote it.
func scrub(text, password string) string {
	if password == "" {
		return text
	}
	return strings.ReplaceAll(text, password, "****")
}

// redactURL is the URL as shown in messages and Path: without a password.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://…"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// pgConnector makes pgx's connections speak the rules' placeholders.
type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{conn.(*stdlib.Conn)}, nil
}

// pgConn is a pgx connection whose statements are rebound from "?" to "$n"
// on the way in; everything else is pgx's own.
type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.Conn.PrepareContext(ctx, rebind(query))
	if err != nil {
		return nil, err
	}
	return &pgStmt{st.(*stdlib.Stmt)}, nil
}

// pgStmt is a prepared statement whose arguments are converted as pgConn's.
type pgStmt struct{ *stdlib.Stmt }

func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.Stmt.ExecContext(ctx, flagsAsIntegers(args))
}

func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.Stmt.QueryContext(ctx, flagsAsIntegers(args))
}

// flagsAsIntegers writes Go booleans as 1 and 0, as SQLite's driver does: the
// schema's flags are INTEGER columns in both dialects, so that the rules
// read and write them the same way.
func flagsAsIntegers(args []driver.NamedValue) []driver.NamedValue {
	for i, a := range args {
		if b, ok := a.Value.(bool); ok {
			args[i].Value = int64(0)
			if b {
				args[i].Value = int64(1)
			}
		}
	}
	return args
}

// ExecContext: a statement without arguments (a migration, with its
// functions' dollar-quoted bodies) goes as it is, in the simple protocol.
func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 {
		query = rebind(query)
	}
	return c.Conn.ExecContext(ctx, query, flagsAsIntegers(args))
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) > 0 {
		query = rebind(query)
	}
	return c.Conn.QueryContext(ctx, query, flagsAsIntegers(args))
}

// rebound caches rebind's answers: the rules' statements are a few hundred
// constant texts, each rewritten once; reboundCount bounds the cache should
// some caller build texts without end.
var (
	rebound      sync.Map
	reboundCount atomic.Int64
)

const reboundMax = 4096

func remember(query, out string) string {
	if reboundCount.Add(1) <= reboundMax {
		rebound.Store(query, out)
	}
	return out
}

// rebind turns the "?" placeholders of a statement into "$1", "$2"…, leaving
// alone the ones in string literals, quoted names and comments.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	if !strings.Contains(query, "?") {
		return remember(query, query)
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		ch := query[i]
		switch {
		case ch == '\'' || ch == '"':
			end := strings.IndexByte(query[i+1:], ch)
			if end < 0 {
				b.WriteString(query[i:])
				i = len(query)
				continue
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case ch == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				end = len(query) - i
			}
			b.WriteString(query[i : i+end])
			i += end - 1
		case ch == '/' && strings.HasPrefix(query[i:], "/*"):
			end := strings.Index(query[i+2:], "*/")
			if end < 0 {
				end = len(query) - i - 2
			} else {
				end += 2
			}
			b.WriteString(query[i : i+2+end])
			i += 1 + end
		case ch == '?':
			n++
			fmt.Fprintf(&b, "$%d", n)
		default:
			b.WriteByte(ch)
		}
	}
	return remember(query, b.String())
}

// ReadPasswordFile reads a PostgreSQL store's password (--db-password-file):
// one line, in a file that only its owner may read or write.
func ReadPasswordFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de la base %s : %s", path, fileReason(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de la base %s : %s", path, fileReason(err))
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("le fichier du mot de passe de la base %s n'est pas un fichier ordinaire", path)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return "", fmt.Errorf("le fichier du mot de passe de la base %s a les droits %04o : il doit n'être lisible que "+
			"par son propriétaire (chmod 600 %s)", path, perm, path)
	}
	buf, err := io.ReadAll(io.LimitReader(f, 4097))
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de la base %s : %s", path, fileReason(err))
	}
	if len(buf) > 4096 {
		return "", fmt.Errorf("fichier du mot de passe de la base %s : plus de 4096 octets, ce n'est pas un mot de passe", path)
	}
	pw := strings.TrimRight(string(buf), "\r\n")
	if pw == "" {
		return "", fmt.Errorf("le fichier du mot de passe de la base %s est vide", path)
	}
	if strings.ContainsAny(pw, "\r\n") {
		return "", fmt.Errorf("fichier du mot de passe de la base %s : le mot de passe doit tenir sur une ligne", path)
	}
	return pw, nil
}

// fileReason says why a file could not be read, without Go's "open PATH:".
func fileReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "ce fichier n'existe pas"
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// PostgresBackupError: a PostgreSQL store is saved with PostgreSQL's own
// tools, which a copy of a file cannot replace (a consistent dump while
// servers write, roles, point-in-time recovery).
type PostgresBackupError struct{ URL string }

func (e *PostgresBackupError) Error() string {
	return fmt.Sprintf("base %s : une base PostgreSQL se sauvegarde avec pg_dump (pg_dump -Fc -f entkiosk.dump '%s', "+
		"mot de passe par PGPASSWORD ou ~/.pgpass), ou par l'archivage continu du serveur ; entkiosk backup copie une base SQLite", e.URL, e.URL)
}
