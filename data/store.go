// Package data is entkiosk's store and its rules: SQLite, people, registrations,
// accounts, codes, throttling, outbox, audit, password policy and hashing.
// It knows nothing of terminals.
package data

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"entkiosk/data/institution"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// minSQLite is the oldest SQLite we accept: older versions have a WAL
// corruption bug with concurrent writers, and two processes share the file.
const minSQLite = 3051003

// Store is the one handle on the store shared by kiosks and the SSH server:
// an SQLite file, or a PostgreSQL database (dialect.go).
type Store struct {
	db     *sql.DB
	path   string // the file, or the URL without its password
	cfg    Config
	hasher *Hasher
	secret []byte // server secret: code HMACs, decoy masks
	// warning: a read-only store that every local user can read is still
	// read (Config.ReadOnly), with this said to the operator.
	warning error

	// The directory queue's worker in this process is woken when a
	// transaction that queued a change commits (directory_queue.go).
	dirq *dirSignal

	dialect dialect
	pg      pgTarget // PostgreSQL: who and where, for its errors' sentences
}

// dirSignal: a change was queued in a transaction; its commit wakes the
// worker. A pointer, so that a copy of the Store (the demo's) shares it.
type dirSignal struct {
	queued atomic.Bool
	wake   chan struct{}
}

// Config holds what the rules read besides the database.
type Config struct {
	Clock         Clock
	Location      *time.Location // local time of the university, for display and dates
	StudentDomain string
	StaffDomain   string
	LinkHost      string // host of ssh:// links in mails; empty leaves the link out
	LinkPort      int
	LinkURL       string // the web page (https://…/): mails carry an https link to it instead of the ssh:// one
	// Institution is the university's facts (name, contacts, charter,
	// calendar); nil is institution.None(), which makes nothing up. Its
	// domains and link host fill the fields above left empty.
	Institution *institution.Institution
	Hasher      *Hasher
	// Directory, when set, is the campus directory passwords are checked
	// against and written to first (directory_link.go); nil keeps the
	// embedded store alone.
	Directory Directory
	// MustExist refuses a path where no file is (a MissingStoreError) and a
	// file without entkiosk's tables, instead of creating the store: for
	// the commands that read a store, where a mistyped path must not answer
	// from a new, empty one.
	MustExist bool
	// ReadOnly opens an existing store only to read it (audit, outbox): no
	// write, no migration, no -wal or -shm to create, so that a backup on
	// read-only media or a file of mode 0444 can be read. Implies MustExist.
	ReadOnly bool
	// DBPassword is a PostgreSQL store's password (--db-password-file);
	// empty leaves it to PGPASSWORD or ~/.pgpass. Never in the URL.
	DBPassword string
}

func (c *Config) fillDefaults() {
	if c.Clock == nil {
		c.Clock = SystemClock{}
	}
	if c.Location == nil {
		c.Location = ParisLocation()
	}
	if c.Institution == nil {
		c.Institution = institution.None()
	}
	c.StudentDomain = cmp.Or(c.StudentDomain, c.Institution.StudentDomain, "etu.umontpellier.fr")
	c.StaffDomain = cmp.Or(c.StaffDomain, c.Institution.StaffDomain, "umontpellier.fr")
	if c.LinkHost == "" {
		c.LinkHost = c.Institution.SSHHost
	}
	if c.LinkURL == "" {
		c.LinkURL = c.Institution.LinkURL
	}
	c.LinkPort = cmp.Or(c.LinkPort, c.Institution.SSHPort)
	if c.Hasher == nil {
		c.Hasher = DefaultHasher()
	}
}

// Open opens (creating if needed, unless cfg.MustExist) the store at path
// and brings its schema up to date. The pragmas are DSN parameters so that
// every pooled connection gets them, not only the one a PRAGMA statement
// happens to run on. Its errors are sentences for the operator, in French
// like the rest of the command line.
//
// A postgres:// or postgresql:// URL opens a PostgreSQL store instead
// (store_pg.go), with the same rules and schema.
func Open(path string, cfg Config) (*Store, error) {
	s, ready, err := OpenLater(path, cfg)
	if err != nil {
		return nil, err
	}
	if err := ready(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenLater is Open in two steps, for a kiosk that draws its home screen
// first: the path's checks (a few system calls) now, and SQLite's own
// work (opening the file, its settings, the write probe and its disk
// flushes, the migrations, the secret) when ready is called, with Open's
// errors. No method of the store may be called before ready has returned
// nil; after an error, the store is closed. A PostgreSQL or read-only
// store is opened whole at once (ready has nothing left to do).
func OpenLater(path string, cfg Config) (s *Store, ready func() error, err error) {
	done := func() error { return nil }
	cfg.fillDefaults()
	if IsPostgresURL(path) {
		s, err = openPostgres(path, cfg)
		return s, done, err
	}
	if err := refuseEmptyStore(path); err != nil {
		return nil, nil, err
	}
	if cfg.ReadOnly {
		s, err = openReadOnly(path, cfg)
		return s, done, err
	}
	if err := checkStorePath(path, cfg.MustExist); err != nil {
		return nil, nil, err
	}
	if !cfg.MustExist {
		if err := createStoreFile(path); err != nil {
			return nil, nil, err
		}
	}
	if err := checkStoreMode(path); err != nil {
		return nil, nil, err
	}
	// In a file: URI, '?' and '#' would end the path and '%' starts an escape.
	uriPath := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	dsn := "file:" + uriPath + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on" +
		"&_synchronous=FULL&_txlock=immediate&_stmt_cache_size=64"
	db := sql.OpenDB(sqliteConnector{dsn: dsn}) // opens nothing yet: the first query does
	s = &Store{db: db, path: path, cfg: cfg, hasher: cfg.Hasher, dirq: &dirSignal{wake: make(chan struct{}, 1)}}
	return s, sync.OnceValue(s.ready), nil
}

// ready is OpenLater's second step.
func (s *Store) ready() error {
	if err := s.check(); err != nil {
		s.db.Close()
		return err
	}
	if s.cfg.MustExist {
		if err := s.checkSchema(); err != nil {
			s.db.Close()
			return err
		}
	}
	if err := s.migrate(); err != nil {
		s.db.Close()
		return err
	}
	if err := s.loadSecret(); err != nil {
		s.db.Close()
		return s.explain(err)
	}
	return nil
}

// CorruptStoreError: SQLite found the file damaged (a truncated file, a
// page overwritten). Nothing is written to it; the backup is the way back.
type CorruptStoreError struct {
	Path string
	Err  error
}

func (e *CorruptStoreError) Error() string {
	return fmt.Sprintf("base %s : le fichier est endommagé (base SQLite corrompue ou tronquée) ; arrêtez "+
		"les instances d'entkiosk qui l'utilisent, mettez-le de côté avec ses fichiers -wal et -shm, et "+
		"restaurez la dernière sauvegarde (entkiosk backup)", e.Path)
}

func (e *CorruptStoreError) Unwrap() error { return e.Err }

// MissingStoreError: Config.MustExist, and no file at the store's path.
type MissingStoreError struct{ Path string }

func (e *MissingStoreError) Error() string {
	return fmt.Sprintf("base %s : ce fichier n'existe pas (vérifiez --db ou ENTKIOSK_DB)", e.Path)
}

// Unwrap makes errors.Is(err, fs.ErrNotExist) true.
func (e *MissingStoreError) Unwrap() error { return fs.ErrNotExist }

// checkStorePath turns the usual start-up mistakes into sentences.
func checkStorePath(path string, mustExist bool) error {
	if path == "" {
		return errors.New("base : aucun chemin donné (--db ou ENTKIOSK_DB)")
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		if mustExist {
			return &MissingStoreError{Path: path}
		}
		return fmt.Errorf("base %s : le dossier %s n'existe pas", path, dir)
	}
	if !st.IsDir() {
		return fmt.Errorf("base %s : %s n'est pas un dossier", path, dir)
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("base %s : c'est un dossier, pas un fichier de base de données", path)
	case mustExist && errors.Is(err, fs.ErrNotExist):
		return &MissingStoreError{Path: path}
	}
	return nil
}

// checkSchema refuses, for Config.MustExist, a database that entkiosk never
// set up (an empty file, another program's database): answering from it
// would give an empty, false all-clear.
func (s *Store) checkSchema() error {
	version, err := s.schemaVersion(s.db)
	if err != nil {
		return s.explain(err)
	}
	if version == 0 && s.dialect == dialectPostgres {
		return fmt.Errorf("base %s : cette base PostgreSQL n'est pas une base entkiosk (aucune table : vérifiez --db ou ENTKIOSK_DB)", s.path)
	}
	if version == 0 {
		return fmt.Errorf("base %s : ce fichier n'est pas une base entkiosk (aucune table : vérifiez --db ou ENTKIOSK_DB)", s.path)
	}
	return nil
}

// check verifies that the file is a usable, writable SQLite database of a
// recent enough version, and that the pragmas took.
func (s *Store) check() error {
	var version string
	if err := s.db.QueryRow(`SELECT sqlite_version()`).Scan(&version); err != nil {
		return s.explain(err)
	}
	if err := checkSQLiteVersion(version); err != nil {
		return err
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		return s.explain(err)
	}
	if mode != "wal" {
		return fmt.Errorf("base %s : mode de journal %q au lieu de wal", s.path, mode)
	}
	var fk, busy, sync int
	if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil {
		return s.explain(err)
	}
	if err := s.db.QueryRow(`PRAGMA busy_timeout`).Scan(&busy); err != nil {
		return s.explain(err)
	}
	if err := s.db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
		return s.explain(err)
	}
	if fk != 1 || busy != 5000 || sync != 2 {
		return fmt.Errorf("base %s : réglages non appliqués (foreign_keys=%d busy_timeout=%d synchronous=%d)", s.path, fk, busy, sync)
	}
	// Read before writing: a damaged file is said so, not written to. The
	// schema and the settings (the secret) are read by every start.
	var tables int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master`).Scan(&tables); err != nil {
		return s.explain(err)
	}
	if tables > 0 {
		if _, err := s.db.Exec(`SELECT COUNT(*) FROM settings`); err != nil && s.Explain(err) != err {
			return s.explain(err)
		}
	}
	// A write proves the file is writable before anyone types anything. It
	// is one transaction, so two processes starting at once never see each
	// other's probe table.
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE store_probe(x); DROP TABLE store_probe`)
		return err
	})
	if err != nil {
		return s.explain(err)
	}
	return nil
}

// Explain says a store error in a French sentence with the store's path
// when it is about the file itself (damaged, not a database, read-only,
// unreachable); other errors are returned as they are. For the commands,
// which may meet a damaged page only when they read it.
func (s *Store) Explain(err error) error {
	if s.dialect == dialectPostgres {
		return err
	}
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return s.explain(err)
	}
	return err
}

// explain turns driver errors met at start into a clear reason.
func (s *Store) explain(err error) error {
	if s.dialect == dialectPostgres {
		return s.explainPostgres(err)
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrCorrupt:
			return &CorruptStoreError{Path: s.path, Err: err}
		case sqlite3.ErrNotADB:
			return fmt.Errorf("base %s : ce fichier n'est pas une base SQLite (ou son début est endommagé) ; "+
				"vérifiez --db ou ENTKIOSK_DB, ou restaurez la dernière sauvegarde", s.path)
		case sqlite3.ErrReadonly:
			return fmt.Errorf("base %s : le fichier (ou son dossier) est en lecture seule ; entkiosk doit pouvoir y écrire", s.path)
		case sqlite3.ErrCantOpen:
			return fmt.Errorf("base %s : impossible d'ouvrir le fichier (droits d'accès ?)", s.path)
		case sqlite3.ErrPerm:
			return fmt.Errorf("base %s : accès refusé", s.path)
		}
	}
	return fmt.Errorf("base %s : %w", s.path, err)
}

// checkSQLiteVersion refuses SQLite older than 3.51.3.
func checkSQLiteVersion(version string) error {
	if versionNumber(version) < minSQLite {
		return fmt.Errorf("base : SQLite %s est trop ancien (3.51.3 ou plus récent : les versions antérieures corrompent le WAL quand plusieurs processus écrivent)", version)
	}
	return nil
}

func versionNumber(v string) int {
	parts := strings.SplitN(v, ".", 3)
	n := 0
	for i := 0; i < 3; i++ {
		x := 0
		if i < len(parts) {
			x, _ = strconv.Atoi(parts[i])
		}
		n = n*1000 + x
	}
	return n
}

// migrate applies the dialect's embedded migrations in order, one
// transaction each, recording progress (schemaVersion) so that a second run
// does nothing.
func (s *Store) migrate() error {
	names, err := s.dialect.migrationNames()
	if err != nil {
		return err
	}
	// The version already reached, read once: the migrations it covers are
	// not each locked for (a kiosk starting during an import waited for the
	// write lock once per migration file). It only grows; the version read
	// again under each migration's lock is the one that decides.
	reached, err := s.schemaVersion(s.db)
	if err != nil {
		return s.explain(err)
	}
	for i, name := range names {
		// The version is the file's number, which must follow on from the
		// previous one: a gap or a duplicate (two branches each adding
		// "0005_...") is a build mistake, caught by the tests.
		version, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil || version != i+1 {
			return fmt.Errorf("migration %s : numérotée %d, %04d attendu", name, version, i+1)
		}
		if version <= reached {
			continue
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.tx(context.Background(), func(tx *sql.Tx) error {
			if err := s.beginMigration(tx); err != nil {
				return err
			}
			current, err := s.schemaVersion(tx)
			if err != nil {
				return err
			}
			if current >= version {
				return nil
			}
			if _, err := tx.Exec(string(body)); err != nil {
				return fmt.Errorf("migration %s : %w", name, err)
			}
			return s.setSchemaVersion(tx, version)
		})
		if err != nil {
			return s.explain(err)
		}
	}
	return nil
}

// loadSecret reads the server secret, creating it on first use. It keys the
// code hashes and the decoy masks, so it must be the same for every process.
func (s *Store) loadSecret() error {
	return s.tx(context.Background(), func(tx *sql.Tx) error {
		var secret []byte
		err := tx.QueryRow(`SELECT value FROM settings WHERE name = 'secret'`).Scan(&secret)
		if errors.Is(err, sql.ErrNoRows) {
			secret = make([]byte, 32)
			if _, err := rand.Read(secret); err != nil {
				return err
			}
			_, err = tx.Exec(`INSERT INTO settings(name, value) VALUES ('secret', ?)`, secret)
		}
		s.secret = secret
		return err
	})
}

// Close closes the database; WAL content is checkpointed by SQLite.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store lives in, or its PostgreSQL URL (without a
// password).
func (s *Store) Path() string { return s.path }

// Config is the configuration the store was opened with.
func (s *Store) Config() Config { return s.cfg }

// Now is the store's clock, for screens that must agree with the rules.
func (s *Store) Now() time.Time { return s.cfg.Clock.Now() }

// tx runs fn in one immediate transaction (the DSN's _txlock; on
// PostgreSQL serialiseWriter), committing only if fn succeeds.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.runTx(ctx, s.db.BeginTx, fn)
}

// runTx is the writing transaction of tx, begun by begin (the pool's, or
// one pinned connection's: the import's).
func (s *Store) runTx(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*sql.Tx) error) error {
	tx, err := s.beginWrite(ctx, begin) // store_busy.go: waits out a long-held lock
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.wakeDirectoryWorker()
	return nil
}

// Times are stored as UTC RFC 3339 with nanoseconds so that they sort as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string { return formatStored(t) }

func parseTime(s string) time.Time {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

func nullTime(ns sql.NullString) time.Time {
	if !ns.Valid || ns.String == "" {
		return time.Time{}
	}
	return parseTime(ns.String)
}

func nullableTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return fmtTime(t)
}
