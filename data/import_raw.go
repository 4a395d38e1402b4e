package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// rawStmts runs an import batch's multi-row INSERTs straight on the SQLite
// driver's connection, under the batch's transaction (the same connection,
// so the same transaction). Each such INSERT binds up to 768 values, and
// database/sql converted and copied every one of them into a fresh slice
// first (a tenth of the import's allocated bytes) for no gain: the import
// binds only plain values, and its context is never cancelled.
type rawStmts struct {
	conn  *sql.Conn
	stmts map[string]driver.Stmt
	named []driver.NamedValue // reused from one INSERT to the next
}

func newRawStmts(conn *sql.Conn) *rawStmts {
	return &rawStmts{conn: conn, stmts: map[string]driver.Stmt{}}
}

// exec runs query with args, prepared once for the batch.
func (r *rawStmts) exec(query string, args []any) error {
	_, err := r.result(query, args)
	return err
}

// result is exec, with the statement's result (its row's id).
func (r *rawStmts) result(query string, args []any) (res driver.Result, err error) {
	r.named = r.named[:0]
	for i, a := range args {
		v, err := rawValue(a)
		if err != nil {
			return nil, err
		}
		r.named = append(r.named, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	err = r.conn.Raw(func(dc any) error {
		st, ok := r.stmts[query]
		if !ok {
			c, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return fmt.Errorf("import : le pilote %T ne prépare pas de requête", dc)
			}
			var err error
			if st, err = c.PrepareContext(context.Background(), query); err != nil {
				return err
			}
			r.stmts[query] = st
		}
		ex, ok := st.(driver.StmtExecContext)
		if !ok {
			return fmt.Errorf("import : le pilote %T n'exécute pas de requête", st)
		}
		res, err = ex.ExecContext(context.Background(), r.named)
		return err
	})
	return res, err
}

// close finalises the statements; it runs before the batch's transaction
// ends.
func (r *rawStmts) close() {
	if len(r.stmts) == 0 {
		return
	}
	r.conn.Raw(func(any) error {
		for _, st := range r.stmts {
			st.Close()
		}
		return nil
	})
	r.stmts = map[string]driver.Stmt{}
}

// rawValue is what database/sql would hand the driver for a: the import's
// values are the driver's own types, nil, an int, or a Valuer
// (sql.NullString).
func rawValue(a any) (driver.Value, error) {
	switch v := a.(type) {
	case nil, int64, string, bool, float64, []byte:
		return v, nil
	case int:
		return int64(v), nil
	case driver.Valuer:
		return v.Value()
	}
	return driver.DefaultParameterConverter.ConvertValue(a)
}
