// core/src/json_writer.cpp - the streaming JSON writer, and the one stable sort the core instantiates.
#include "json_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "order.hpp"

namespace wardshare::detail {

std::vector<std::size_t> stable_order(std::size_t n, index_less less) {
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  if (n <= 16) {  // a contest's few candidates: insertion sort is stable as it stands
    for (std::size_t i = 1; i < n; ++i) {
      auto x = idx[i];
      std::size_t j = i;
      for (; j > 0 && less(x, idx[j - 1]); --j) idx[j] = idx[j - 1];
      idx[j] = x;
    }
    return idx;
  }
  // a merge sort, bottom up (runs of 1, 2, 4...): stable as it stands, and a fraction of std::sort's code in the
  // wasm build (std::sort with the index as tie-break was ~1.5 KB of it)
  std::vector<std::size_t> merged(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t a = lo, b = mid, k = lo;
      while (a < mid && b < hi) merged[k++] = less(idx[b], idx[a]) ? idx[b++] : idx[a++];
      while (a < mid) merged[k++] = idx[a++];
      while (b < hi) merged[k++] = idx[b++];
    }
    idx.swap(merged);
  }
  return idx;
}

void json_writer::grow(std::size_t n) {
  // writable bytes a little ahead of the text: std::string's own capacity doubling does the reallocating, and
  // only this slack (at most an eighth) is zero-filled before it is written
  buf_.resize(len_ + n + std::max<std::size_t>(4096, len_ / 8));
  data_ = &buf_[0];
  size_ = buf_.size();
}

void json_writer::newline() {
  if (indent_ < 0) return;
  auto spaces = static_cast<std::size_t>(depth_) * static_cast<std::size_t>(indent_);
  char* p = room(spaces + 1);
  *p = '\n';
  std::memset(p + 1, ' ', spaces);
  len_ += spaces + 1;
}

void json_writer::next_item() {
  if (depth_ > 0) {
    bool& any = has_items_[std::min(depth_, max_depth) - 1];
    if (any) put(',');
    any = true;
    if (indent_ >= 0) newline();
  }
}

void json_writer::open(char c) {
  before_value();
  put(c);
  ++depth_;
  if (depth_ <= max_depth) has_items_[depth_ - 1] = false;
}

void json_writer::close(char c) {
  bool any = depth_ > 0 && has_items_[std::min(depth_, max_depth) - 1];
  if (depth_ > 0) --depth_;
  if (any && indent_ >= 0) newline();
  put(c);
}

void json_writer::key(std::string_view k) {
  before_value();
  // keys are the writer's callers' own names, plain ASCII: written as they are, no escaping scan, in one step
  char* p = room(k.size() + 4);
  *p++ = '"';
  std::memcpy(p, k.data(), k.size());
  p += k.size();
  *p++ = '"';
  *p++ = ':';
  if (indent_ >= 0) *p++ = ' ';
  len_ += k.size() + (indent_ >= 0 ? 4 : 3);
  after_key_ = true;
}

void json_writer::value(std::string_view s) {
  before_value();
  write_string(s);
}

namespace {
/// Bytes a JSON string holds as they are: printable ASCII but `"` and `\`.
constexpr auto plain_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();
}  // namespace

void json_writer::write_string(std::string_view s) {
  // most strings (names, labels, messages) need no escaping: copied in one step
  std::size_t first = 0;
  while (first < s.size() && plain_bytes[static_cast<unsigned char>(s[first])]) ++first;
  if (first == s.size()) {
    char* p = room(s.size() + 2);
    *p++ = '"';
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '"';
    len_ += s.size() + 2;
    return;
  }
  put('"');
  std::size_t run = 0;  // start of the current run of bytes that need no escaping
  for (std::size_t i = first; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (plain_bytes[c]) continue;
    put(s.substr(run, i - run));
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default:
        if (c < 0x20) {
          static constexpr char hex[] = "0123456789abcdef";
          char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
          put(std::string_view(esc, 6));
        } else {
          // copy a valid UTF-8 sequence; replace an invalid byte with U+FFFD so the output is always valid
          std::size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
          bool ok = len > 0 && i + len <= s.size();
          for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
          if (ok) {
            put(s.substr(i, len));
            i += len - 1;
          } else {
            put("\xEF\xBF\xBD");
          }
        }
    }
    run = i + 1;
  }
  put(s.substr(run));
  put('"');
}

namespace {

/// Writes `n` backwards from `end`; returns the first character.
char* write_integer(char* end, std::uint64_t n) {
  do {
    *--end = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n);
  return end;
}

}  // namespace

void json_writer::value(std::int64_t n) {
  before_value();
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = write_integer(end, n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
  if (n < 0) *--p = '-';
  put(std::string_view(p, static_cast<std::size_t>(end - p)));
}

std::size_t format_double(double d, char* buf) {
  char* out = buf;
  if (!std::isfinite(d)) {
    std::memcpy(out, "null", 4);
    return 4;
  }
  if (d < 0) {
    *out++ = '-';
    d = -d;
  }
  if (d >= 1e15) {
    // far beyond any share or count here: 15 significant digits and an exponent (`1.23456789012345e+20`),
    // written without printf, which would bring musl's long-double formatting into the wasm
    int exponent = 0;
    while (d >= 1e15) { d /= 10; ++exponent; }
    auto digits = static_cast<std::uint64_t>(std::llround(d));
    char tmp[24];
    char* end = tmp + sizeof tmp;
    char* p = write_integer(end, digits);  // 15 or 16 digits
    auto n = static_cast<int>(end - p);
    *out++ = *p++;
    *out++ = '.';
    std::memcpy(out, p, static_cast<std::size_t>(n - 1));
    out += n - 1;
    exponent += n - 1;
    *out++ = 'e';
    *out++ = '+';
    p = write_integer(end, static_cast<std::uint64_t>(exponent));
    std::memcpy(out, p, static_cast<std::size_t>(end - p));
    out += end - p;
    return static_cast<std::size_t>(out - buf);
  }
  // 15 significant digits from integer arithmetic: musl's printf works in software long double under wasm
  auto whole = static_cast<std::uint64_t>(d);
  int int_digits = 1;
  for (auto w = whole; w >= 10; w /= 10) ++int_digits;
  int decimals = std::max(0, 15 - int_digits);
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  auto frac = static_cast<std::uint64_t>(std::llround((d - static_cast<double>(whole)) * static_cast<double>(scale)));
  if (frac >= scale) {
    whole += 1;
    frac -= scale;
  }
  char tmp[24];
  char* end = tmp + sizeof tmp;
  char* p = write_integer(end, whole);
  std::memcpy(out, p, static_cast<std::size_t>(end - p));
  out += end - p;
  *out++ = '.';
  if (decimals == 0 || frac == 0) {
    *out++ = '0';
    return static_cast<std::size_t>(out - buf);
  }
  // the fraction, zero-padded to `decimals` digits, trailing zeros dropped
  for (int i = decimals - 1; i >= 0; --i) {
    tmp[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  int keep = decimals;
  while (keep > 1 && tmp[keep - 1] == '0') --keep;
  std::memcpy(out, tmp, static_cast<std::size_t>(keep));
  out += keep;
  return static_cast<std::size_t>(out - buf);
}

std::string format_double(double d) {
  char buf[48];
  return std::string(buf, format_double(d, buf));
}

void json_writer::value(double d) {
  before_value();
  char* p = room(48);
  len_ += format_double(d, p);
}

void json_writer::value(bool b) {
  before_value();
  put(b ? std::string_view("true") : std::string_view("false"));
}

void json_writer::null() {
  before_value();
  put("null");
}

}  // namespace wardshare::detail
