#include "store/pii_cipher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <climits>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace kiosk::store {
namespace {

namespace fs = std::filesystem;

std::string errno_text(int error) {
  return std::system_category().message(error);
}

// Closes a POSIX descriptor on every path out of a function.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return m_fd; }
  // close() reports write-back errors on some file systems; the key must not be trusted after one.
  int release_and_close() {
    const int rc = ::close(m_fd);
    m_fd = -1;
    return rc;
  }

 private:
  int m_fd;
};

struct CipherContext {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
  CipherContext() = default;
  CipherContext(const CipherContext&) = delete;
  CipherContext& operator=(const CipherContext&) = delete;
};

const unsigned char* bytes_of(std::string_view text) {
  // OpenSSL reads nothing when the length is 0, but some versions reject a null pointer.
  static constexpr unsigned char k_empty = 0;
  return text.empty() ? &k_empty : reinterpret_cast<const unsigned char*>(text.data());
}

const unsigned char* bytes_of(std::span<const std::byte> data) {
  static constexpr unsigned char k_empty = 0;
  return data.empty() ? &k_empty : reinterpret_cast<const unsigned char*>(data.data());
}

// A parent directory others can write to lets them swap the key file for their own.
std::optional<std::string> check_directory(const fs::path& directory) {
  struct stat info {};
  if (::stat(directory.c_str(), &info) != 0) {
    return fmt::format("cannot inspect key directory '{}': {}", directory.string(), errno_text(errno));
  }
  if (!S_ISDIR(info.st_mode)) {
    return fmt::format("key directory '{}' is not a directory", directory.string());
  }
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return fmt::format("key directory '{}' is writable by group or others (mode {:04o}); use 0700",
                       directory.string(), info.st_mode & 07777);
  }
  return std::nullopt;
}

// Creates each missing directory of `directory` with mode 0700 (the umask can only remove bits). Existing
// directories are left as they are; check_directory() then refuses one that others can write to.
std::optional<std::string> make_directories(const fs::path& directory) {
  std::error_code ec;
  if (directory.empty() || fs::exists(directory, ec)) {
    return std::nullopt;
  }
  if (auto problem = make_directories(directory.parent_path())) {
    return problem;
  }
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
    return fmt::format("cannot create key directory '{}': {}", directory.string(), errno_text(errno));
  }
  return std::nullopt;
}

// Reads and checks an existing key file. `missing` is set (and nothing else) when there is no file.
std::optional<std::string> read_key(const fs::path& key_file, PiiCipher::Key& key, bool& missing) {
  missing = false;
  FileDescriptor fd(::open(key_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      missing = true;
      return std::nullopt;
    }
    if (errno == ELOOP) {
      return fmt::format("key file '{}' is a symbolic link; refusing it", key_file.string());
    }
    return fmt::format("cannot open key file '{}': {}", key_file.string(), errno_text(errno));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return fmt::format("cannot inspect key file '{}': {}", key_file.string(), errno_text(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return fmt::format("key file '{}' is not a regular file", key_file.string());
  }
  if ((info.st_mode & 077) != 0) {
    return fmt::format("key file '{}' has mode {:04o}: group or others may use it; it must be 0600",
                       key_file.string(), info.st_mode & 07777);
  }
  if (info.st_uid != ::geteuid()) {
    return fmt::format("key file '{}' belongs to user {}, not to this process (user {})", key_file.string(),
                       info.st_uid, ::geteuid());
  }
  if (info.st_size != static_cast<off_t>(PiiCipher::k_key_size)) {
    return fmt::format("key file '{}' is {} bytes; a key is exactly {} bytes", key_file.string(),
                       info.st_size, PiiCipher::k_key_size);
  }
  std::size_t done = 0;
  while (done < key.size()) {
    const ssize_t got = ::read(fd.get(), key.data() + done, key.size() - done);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return fmt::format("cannot read key file '{}': {}", key_file.string(),
                         got == 0 ? std::string("file shorter than its size") : errno_text(errno));
    }
    done += static_cast<std::size_t>(got);
  }
  return std::nullopt;
}

std::optional<std::string> write_all(int fd, const PiiCipher::Key& key, const fs::path& file) {
  std::size_t done = 0;
  while (done < key.size()) {
    const ssize_t wrote = ::write(fd, key.data() + done, key.size() - done);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      return fmt::format("cannot write key file '{}': {}", file.string(), errno_text(errno));
    }
    done += static_cast<std::size_t>(wrote);
  }
  return std::nullopt;
}

// Writes a new key beside `key_file`, then links it into place. link() fails if a key appeared meanwhile
// (another process won the race), so an existing key is never replaced; the caller then loads that one.
std::optional<std::string> create_key(const fs::path& key_file) {
  PiiCipher::Key key{};
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
    return fmt::format("cannot create key file '{}': OpenSSL has no randomness", key_file.string());
  }
  fs::path temporary = key_file;
  temporary += fmt::format(".new-{}", ::getpid());
  constexpr int k_flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW;
  int raw_fd = ::open(temporary.c_str(), k_flags, 0600);
  if (raw_fd < 0 && errno == EEXIST) {
    // Left by a crash half way through an earlier attempt; kiosks often boot to the same pid. It was never
    // the key (only a completed link makes one), so it can go.
    ::unlink(temporary.c_str());
    raw_fd = ::open(temporary.c_str(), k_flags, 0600);
  }
  FileDescriptor fd(raw_fd);
  if (fd.get() < 0) {
    const int error = errno;
    OPENSSL_cleanse(key.data(), key.size());
    return fmt::format("cannot create key file '{}': {}", temporary.string(), errno_text(error));
  }
  auto problem = write_all(fd.get(), key, temporary);
  OPENSSL_cleanse(key.data(), key.size());
  if (!problem && ::fsync(fd.get()) != 0) {
    problem = fmt::format("cannot fsync key file '{}': {}", temporary.string(), errno_text(errno));
  }
  if (fd.release_and_close() != 0 && !problem) {
    problem = fmt::format("cannot close key file '{}': {}", temporary.string(), errno_text(errno));
  }
  if (!problem && ::link(temporary.c_str(), key_file.c_str()) != 0 && errno != EEXIST) {
    problem = fmt::format("cannot move the new key into '{}': {}", key_file.string(), errno_text(errno));
  }
  ::unlink(temporary.c_str());
  if (problem) {
    return problem;
  }
  // The directory entry must be durable too, or a power cut could lose the key after records used it.
  const fs::path directory = key_file.has_parent_path() ? key_file.parent_path() : fs::path(".");
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
    return fmt::format("cannot fsync key directory '{}': {}", directory.string(), errno_text(errno));
  }
  return std::nullopt;
}

std::unique_ptr<PiiCipher> load_key(const fs::path& key_file, bool create, std::string& error) {
  error.clear();
  try {
    const fs::path directory = key_file.has_parent_path() ? key_file.parent_path() : fs::path(".");
    if (create) {
      if (auto problem = make_directories(directory)) {
        error = std::move(*problem);
        return nullptr;
      }
    }
    if (auto problem = check_directory(directory)) {
      error = std::move(*problem);
      return nullptr;
    }
    PiiCipher::Key key{};
    bool missing = false;
    auto problem = read_key(key_file, key, missing);
    if (missing && create) {
      problem = create_key(key_file);
      if (!problem) {
        problem = read_key(key_file, key, missing);
      }
    }
    if (missing && !problem) {
      problem = fmt::format("key file '{}' does not exist", key_file.string());
    }
    if (problem) {
      OPENSSL_cleanse(key.data(), key.size());
      error = std::move(*problem);
      return nullptr;
    }
    auto cipher = std::make_unique<PiiCipher>(key);
    OPENSSL_cleanse(key.data(), key.size());
    return cipher;
  } catch (const std::exception& failure) {
    error = fmt::format("cannot load key file '{}': {}", key_file.string(), failure.what());
    return nullptr;
  }
}

}  // namespace

std::unique_ptr<PiiCipher> PiiCipher::load_or_create(const fs::path& key_file, std::string& error) {
  return load_key(key_file, true, error);
}

std::unique_ptr<PiiCipher> PiiCipher::load(const fs::path& key_file, std::string& error) {
  return load_key(key_file, false, error);
}

PiiCipher::PiiCipher(const Key& key) : m_key(key) {}

PiiCipher::~PiiCipher() {
  OPENSSL_cleanse(m_key.data(), m_key.size());
}

std::vector<std::byte> PiiCipher::seal(std::string_view plaintext, std::string_view aad) const {
  if (plaintext.size() > static_cast<std::size_t>(INT_MAX) - k_overhead || aad.size() > INT_MAX) {
    throw std::length_error("PiiCipher::seal: value too large");
  }
  std::vector<std::byte> out(k_overhead + plaintext.size());
  out[0] = k_format_version;
  auto* nonce = reinterpret_cast<unsigned char*>(out.data() + 1);
  auto* body = nonce + k_nonce_size;
  auto* tag = body + plaintext.size();
  if (RAND_bytes(nonce, static_cast<int>(k_nonce_size)) != 1) {
    throw std::runtime_error("PiiCipher::seal: OpenSSL has no randomness for a nonce");
  }
  CipherContext context;
  int length = 0;
  const bool ok =
      context.ctx != nullptr &&
      EVP_EncryptInit_ex(context.ctx, EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const unsigned char*>(m_key.data()), nonce) == 1 &&
      EVP_EncryptUpdate(context.ctx, nullptr, &length, bytes_of(aad), static_cast<int>(aad.size())) == 1 &&
      EVP_EncryptUpdate(context.ctx, body, &length, bytes_of(plaintext),
                        static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(context.ctx, body + length, &length) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(k_tag_size), tag) == 1;
  if (!ok) {
    throw std::runtime_error("PiiCipher::seal: OpenSSL AES-256-GCM failed");
  }
  return out;
}

std::optional<std::string> PiiCipher::open(std::span<const std::byte> sealed, std::string_view aad) const {
  if (sealed.size() < k_overhead || sealed[0] != k_format_version || sealed.size() > INT_MAX ||
      aad.size() > INT_MAX) {
    return std::nullopt;
  }
  const std::size_t body_size = sealed.size() - k_overhead;
  const auto* nonce = bytes_of(sealed.subspan(1, k_nonce_size));
  const auto body = sealed.subspan(1 + k_nonce_size, body_size);
  // OpenSSL's SET_TAG takes a non-const pointer; copy rather than cast the constness away.
  std::array<unsigned char, k_tag_size> tag{};
  std::memcpy(tag.data(), sealed.data() + 1 + k_nonce_size + body_size, k_tag_size);

  std::string plaintext(body_size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  CipherContext context;
  int length = 0;
  const bool ok =
      context.ctx != nullptr &&
      EVP_DecryptInit_ex(context.ctx, EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const unsigned char*>(m_key.data()), nonce) == 1 &&
      EVP_DecryptUpdate(context.ctx, nullptr, &length, bytes_of(aad), static_cast<int>(aad.size())) == 1 &&
      EVP_DecryptUpdate(context.ctx, out, &length, bytes_of(body), static_cast<int>(body_size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(k_tag_size), tag.data()) == 1 &&
      EVP_DecryptFinal_ex(context.ctx, out + length, &length) == 1;
  if (!ok) {
    // Wipe what was decrypted before the tag check failed: it is unauthenticated.
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return std::nullopt;
  }
  return plaintext;
}

std::string PiiCipher::row_aad(std::string_view table, std::string_view row_id, std::string_view column) {
  std::string aad = "kiosk-pii/v1";
  for (const std::string_view part : {table, row_id, column}) {
    aad += '\0';
    aad += part;
  }
  return aad;
}

}  // namespace kiosk::store
