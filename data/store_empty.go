package data

import (
	"errors"
	"os"
	"time"
)

// emptyStoreWait is how long Open waits for an empty store file to get its
// first page: another process creating the store at this moment (it makes
// the file empty, then SQLite writes its header within milliseconds).
const emptyStoreWait = time.Second

// refuseEmptyStore says an existing store file of 0 bytes is damaged (a
// store truncated to nothing, `: > entkiosk.db`), never a new store to set
// up: that would lose every account and the server secret without a word.
// Only a path where no file exists gets a new store.
func refuseEmptyStore(path string) error {
	deadline := time.Now().Add(emptyStoreWait)
	for {
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() > 0 {
			return nil // missing, or not a file: checkStorePath says so
		}
		if time.Now().After(deadline) {
			return &CorruptStoreError{Path: path, Err: errors.New("empty file (0 bytes)")}
		}
		time.Sleep(25 * time.Millisecond)
	}
}
