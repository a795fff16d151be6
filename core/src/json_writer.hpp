// core/src/json_writer.hpp - a small streaming JSON writer (internal): the output needs no document tree.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wardshare::detail {

/// A double as JSON writes it: 15 significant digits, no exponent, at least one decimal (`9.7`, `5.0`).
std::string format_double(double d);
/// The same into `buf` (48 bytes suffice); returns the length.
std::size_t format_double(double d, char* buf);

/// Writes JSON text straight into a string. `indent < 0` writes it compact.
///
///     json_writer w;
///     w.begin_object(); w.key("n"); w.value(std::int64_t{3}); w.end_object();   // {"n":3}
class json_writer {
 public:
  explicit json_writer(int indent = -1) : indent_(indent) {}
  json_writer(const json_writer&) = delete;  // (it points into its own buffer)
  json_writer& operator=(const json_writer&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// `k` is written without escaping: a name of the document's own, never text from the input.
  void key(std::string_view k);

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(unsigned n) { value(static_cast<std::int64_t>(n)); }
  void value(double d);
  void value(bool b);
  void null();
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) value(*v);
    else null();
  }

  /// `"k": v` in one call.
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  /// Capacity only: pages not yet written are not touched (the CLI's memory for a large document).
  void reserve(std::size_t bytes) { buf_.reserve(bytes); }
  /// The text written so far handed to `sink` once it is 64 KB or more, and the buffer written again from its
  /// start (what is open stays open): a large document is never held whole. take() returns what is left.
  void flush(void (*sink)(std::string_view, void*), void* context) {
    if (len_ < 64 * 1024) return;
    sink(std::string_view(data_, len_), context);
    len_ = 0;
  }
  [[nodiscard]] std::string take() {
    buf_.resize(len_);
    len_ = 0;
    data_ = nullptr;
    size_ = 0;
    return std::move(buf_);
  }

 private:
  // The text is written through a length kept here into a buffer grown in steps, not by std::string's
  // append per character (out of line in the wasm build's libc++, and most of the writer's time there).
  std::string buf_;
  std::size_t len_ = 0;
  // buf_'s bytes and size, kept here: every write checks them, and std::string's accessors are library calls in
  // the wasm build
  char* data_ = nullptr;
  std::size_t size_ = 0;
  // whether each open container has an item yet; the documents written here nest at most ~6 deep
  static constexpr int max_depth = 64;
  bool has_items_[max_depth] = {};
  int depth_ = 0;
  int indent_;
  bool after_key_ = false;

  // (always in line: at -Oz the wasm build would call these few-instruction helpers for every byte written)
  __attribute__((always_inline)) char* room(std::size_t n) {  // space for n more bytes; the caller advances len_
    if (len_ + n > size_) grow(n);
    return data_ + len_;
  }
  void grow(std::size_t n);
  __attribute__((always_inline)) void put(char c) { *room(1) = c, ++len_; }
  __attribute__((always_inline)) void put(std::string_view s) {
    if (!s.empty()) std::memcpy(room(s.size()), s.data(), s.size()), len_ += s.size();
  }
  __attribute__((always_inline)) void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    next_item();
  }
  void next_item();  // a value that is not a key's: the comma before it, and a new line when indenting
  void write_string(std::string_view s);
  void newline();
  void open(char c);
  void close(char c);
};

}  // namespace wardshare::detail
