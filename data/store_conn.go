package data

import (
	"context"
	"database/sql/driver"
	"strconv"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// walSizeLimit is the size the WAL file goes back to when SQLite starts it
// again after a full checkpoint (PRAGMA journal_size_limit). Without it
// the file keeps the largest size it ever reached: an import beside open
// readers leaves hundreds of MB on disk for the life of the store. 32 MiB:
// what an import's batches write between two of its checkpoints
// (importCheckpointPages), so an import does not shrink and regrow it.
const walSizeLimit int64 = 32 << 20

// sqliteConnector opens the store's connections with the DSN's settings
// and, on each, those the DSN cannot carry.
type sqliteConnector struct{ dsn string }

var sqliteDriver = &sqlite3.SQLiteDriver{}

func (c sqliteConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := sqliteDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	if _, err := conn.(*sqlite3.SQLiteConn).Exec(`PRAGMA journal_size_limit = `+strconv.FormatInt(walSizeLimit, 10), nil); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func (c sqliteConnector) Driver() driver.Driver { return sqliteDriver }
