package sshserver

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// loadHostKey reads the server's host key, or generates an ed25519 one on
// first start. The key is what users check (its fingerprint is printed at
// start): it must survive restarts and stay private (0600).
func loadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	pemBytes, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if pemBytes, err = writeHostKey(path); err != nil {
			return nil, false, err
		}
		created = true
	} else if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	signer, err = gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		// Readable by others: close it rather than serve with a key anyone
		// on the machine could copy.
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, false, fmt.Errorf("host key %s is readable by others (mode %v): %w", path, info.Mode().Perm(), err)
		}
	}
	return signer, created, nil
}

// writeHostKey generates a key and writes it atomically with mode 0600, so
// that two servers starting at once never write half a key or two keys.
func writeHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "entkiosk host key")
	if err != nil {
		return nil, err
	}
	pemBytes := pem.EncodeToMemory(block)
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".hostkey-*")
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, err
	}
	if _, err := tmp.Write(pemBytes); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	// Link, not rename: if another process wrote a key meanwhile, keep its.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return os.ReadFile(path)
		}
		return nil, fmt.Errorf("host key: %w", err)
	}
	return pemBytes, nil
}
