package data

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// openReadOnly opens an existing store for reading only (Config.ReadOnly).
// SQLite's mode=ro reads a WAL store, even one a server is writing,
// creating the -shm it needs when the folder allows; on read-only media,
// where it cannot, and for a file nobody may write, the store is opened
// immutable (nothing can be writing it), unless a -wal with content is
// beside it: immutable would ignore those transactions, so that is refused
// with what to do.
func openReadOnly(path string, cfg Config) (*Store, error) {
	cfg.MustExist = true
	if err := checkStorePath(path, true); err != nil {
		return nil, err
	}
	s := &Store{path: path, cfg: cfg, hasher: cfg.Hasher}
	var wr *WorldReadableError
	if err := checkStoreMode(path); errors.As(err, &wr) {
		s.warning = wr // it is a copy to read: say so, and read it
	}
	uriPath := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	base := "file:" + uriPath + "?mode=ro&_busy_timeout=5000&_foreign_keys=on&_stmt_cache_size=64"
	dsns := []string{base, base + "&immutable=1"}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o222 == 0 {
		// Nobody may write it (0444, 0400): nothing can be writing it, and
		// mode=ro would leave behind -wal and -shm files of its mode.
		dsns = dsns[1:]
	}
	var err error
	for _, dsn := range dsns {
		if strings.HasSuffix(dsn, "immutable=1") {
			if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
				return nil, fmt.Errorf("base %s : en lecture seule, avec un fichier %s-wal qui contient des "+
					"transactions pas encore reportées dans la base ; copiez les trois fichiers (base, -wal, -shm) "+
					"dans un dossier inscriptible et lisez la copie", path, path)
			}
		}
		var db *sql.DB
		if db, err = sql.Open("sqlite3", dsn); err != nil {
			return nil, fmt.Errorf("base %s : %w", path, err)
		}
		s.db = db
		err = s.checkReadable()
		if err == nil {
			return s, nil
		}
		db.Close()
		if !cannotOpenShm(err) {
			return nil, err
		}
	}
	return nil, s.explain(err)
}

// cannotOpenShm: mode=ro could not create or map the -shm file (a
// read-only folder or medium).
func cannotOpenShm(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrReadonly)
}

// checkReadable checks a read-only store as Open checks a writable one:
// an SQLite database of a recent enough SQLite, set up by entkiosk, with
// every migration of this program applied (without them the queries would
// fail on a missing column; a read-only store cannot be migrated). Errors
// that cannotOpenShm recognises are returned as they are.
func (s *Store) checkReadable() error {
	var version string
	var schema int
	err := s.db.QueryRow(`SELECT sqlite_version()`).Scan(&version)
	if err == nil {
		if err := checkSQLiteVersion(version); err != nil {
			return err
		}
		err = s.db.QueryRow(`PRAGMA user_version`).Scan(&schema)
	}
	if cannotOpenShm(err) {
		return err
	}
	if err != nil {
		return s.explain(err)
	}
	if schema == 0 {
		return fmt.Errorf("base %s : ce fichier n'est pas une base entkiosk (aucune table : vérifiez --db ou ENTKIOSK_DB)", s.path)
	}
	want, err := latestMigration()
	if err != nil {
		return err
	}
	if schema < want {
		return fmt.Errorf("base %s : ouverte en lecture seule, elle date d'une version antérieure d'entkiosk "+
			"(schéma %d, %d attendu) ; copiez-la dans un dossier inscriptible et lisez la copie, qui sera mise à jour", s.path, schema, want)
	}
	if err := s.db.QueryRow(`SELECT value FROM settings WHERE name = 'secret'`).Scan(&s.secret); err != nil &&
		!errors.Is(err, sql.ErrNoRows) {
		return s.explain(err)
	}
	return nil
}

// latestMigration is the schema version this program's migrations reach.
func latestMigration() (int, error) {
	names, err := fs.Glob(migrationFiles, dialectSQLite.migrationDir()+"/*.sql")
	if err != nil {
		return 0, err
	}
	return len(names), nil
}

// Warning is what the operator should know about a store opened read-only
// (a file every local user can read), or nil.
func (s *Store) Warning() error { return s.warning }

// ReadOnlyWarning says a WorldReadableError of a store opened to be read.
func (e *WorldReadableError) ReadOnlyWarning() string {
	return fmt.Sprintf("attention : base %s : le fichier %s (mode %04o) est lisible par tous les utilisateurs "+
		"de la machine ; il contient des codes et le secret du serveur : « chmod o-rwx %s* »",
		e.Path, e.File, e.Mode.Perm(), e.Path)
}
