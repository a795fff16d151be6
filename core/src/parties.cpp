// core/src/parties.cpp - the party registry: reading data/parties.json and matching what people write.
#include "wardshare/parties.hpp"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "parties_data.hpp"
#include "text.hpp"

namespace wardshare {


namespace {

// Words that describe rather than name: `The Labour Party Candidate` means Labour.
constexpr std::string_view description_prefixes[] = {"the ", "official "};
constexpr std::string_view description_suffixes[] = {" candidate", " party", " the"};

/// The key without description words, as a view of it (only its ends change).
std::string_view strip_descriptions(std::string_view key) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto p : description_prefixes)
      if (key.size() > p.size() && key.compare(0, p.size(), p) == 0) { key.remove_prefix(p.size()); changed = true; }
    for (auto s : description_suffixes)
      if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0) {
        key.remove_suffix(s.size());
        changed = true;
      }
  }
  return key;
}

/// Normalises `text` (see party_registry::normalise) through `put(char)`, without allocating. `put` returns
/// whether to go on: a comparison stops at the first character that differs.
template <typename Put>
void normalise_to(std::string_view text, Put&& put) {
  bool space = false, any = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (detail::is_alpha(c) || detail::is_digit(c) || u >= 0x80) {
      if (space && any && !put(' ')) return;
      space = false;
      if (!put(detail::to_lower(c))) return;
      any = true;
    } else if (c == '&') {
      if (any && !put(' ')) return;
      if (!put('a') || !put('n') || !put('d')) return;
      any = true;
      space = true;
    } else if (c == '\'') {
      // `Women's` and `Womens` are one word
    } else {
      space = true;
    }
  }
}

std::string_view without_bracketed(std::string_view text) {
  // `UK Independence Party (UKIP)` is also known as `UK Independence Party`.
  auto open = text.find('(');
  if (open == std::string_view::npos || open == 0) return text;
  return detail::trim(text.substr(0, open));
}

}  // namespace

/// (the registry's keys and the cache's lines are short: no byte-at-a-time loop, the tail included; any byte order
/// gives a hash fit for the tables, which are built in the same process)
std::uint32_t detail::hash_bytes(std::string_view key) noexcept {
  constexpr std::uint64_t mul = 0xff51afd7ed558ccdull;
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, key.data() + i, 8);
    h = (h ^ v) * mul;
    h ^= h >> 32;
  }
  if (const std::size_t rest = key.size() - i; rest > 0) {  // the last 1 to 7 bytes, in at most two loads
    std::uint64_t v;
    const char* p = key.data();
    if (key.size() >= 8) {  // the word ending with the key, less the bytes already hashed
      std::memcpy(&v, p + key.size() - 8, 8);
      v >>= 8 * (8 - rest);
    } else if (rest >= 4) {  // two overlapping four-byte words (a short label: `Green`, `TUSC`)
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + rest - 4, 4);
      v = a | static_cast<std::uint64_t>(b) << 32;
    } else {  // one to three bytes (`Lab`, `LD`): first, middle, last
      auto u = [p](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
      v = u(0) | u(rest / 2) << 8 | u(rest - 1) << 16;
    }
    h = (h ^ v) * mul;
    h ^= h >> 32;
  }
  return static_cast<std::uint32_t>(h ^ (h >> 29));
}

std::size_t detail::name_index::add(std::string_view name) {
  if (2 * (names_.size() + 1) > slots_.size()) {  // (four times as large as its names, every name placed anew)
    std::size_t size = 16;
    while (size < 4 * names_.size()) size *= 2;
    slots_.assign(size, 0);
    for (std::size_t i = 0; i < names_.size(); ++i) {
      auto at = hash_bytes(names_[i]) & (slots_.size() - 1);
      while (slots_[at]) at = (at + 1) & (slots_.size() - 1);
      slots_[at] = static_cast<std::uint32_t>(i + 1);
    }
  }
  auto at = hash_bytes(name) & (slots_.size() - 1);
  for (; slots_[at]; at = (at + 1) & (slots_.size() - 1))
    if (same_bytes(names_[slots_[at] - 1], name)) return slots_[at] - 1;
  slots_[at] = static_cast<std::uint32_t>(names_.size() + 1);
  names_.emplace_back(name);
  return names_.size() - 1;
}

std::string party_registry::normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  normalise_to(text, [&out](char c) { out += c; return true; });
  return out;
}

bool party_registry::same_key(std::string_view text, std::string_view key) {
  // compared as it is normalised: most texts differ from the key at their first letter, and stop there
  std::size_t n = 0;
  bool same = true;
  normalise_to(text, [&](char c) {
    same = n < key.size() && key[n] == c;
    ++n;
    return same;
  });
  return same && n == key.size();
}

void party_registry::build_index() {
  // every name of every party, in order: its label, its registered name, its aliases (party i's end at ends[i])
  std::vector<std::string_view> names;
  std::vector<std::size_t> ends;
  for (const auto& p : parties_) {
    names.push_back(p.label);
    names.push_back(p.name);
    for (const auto& a : p.aliases) names.push_back(a);
    ends.push_back(names.size());
  }
  index_.clear();
  for (std::size_t i = 0, k = 0; i < parties_.size(); ++i)
    for (; k < ends[i]; ++k)
      for (int bare = 0; bare < 2; ++bare) {  // as written, then without a bracketed part
        auto key = normalise(bare ? without_bracketed(names[k]) : names[k]);
        if (key.empty()) continue;
        auto stripped = std::string(strip_descriptions(key));  // (and without description words)
        const bool described = stripped.size() != key.size() && !stripped.empty();
        index_.push_back({std::move(key), i});
        if (described) index_.push_back({std::move(stripped), i});
      }
  slots_ = hash_table(index_);
  // the spellings the registry itself uses, each with the party find() gives for it
  spelled_.clear();
  for (auto n : names)
    if (const auto* found = find_normalised(n))
      spelled_.push_back({std::string(n), static_cast<std::size_t>(found - parties_.data())});
  spelled_slots_ = hash_table(spelled_);
}

std::vector<party_registry::slot> party_registry::hash_table(entries& keys) {
  // open addressing, at most half full; one entry a key: where entries share one, the first keeps it (entries
  // are added in the order of the parties, whose curated ones come first in data/parties.json) and the rest
  // are dropped from `keys`
  std::size_t size = 16;
  while (size < 2 * keys.size()) size *= 2;
  std::vector<slot> table(size);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    auto h = detail::hash_bytes(keys[k].first);
    auto at = h & (size - 1);
    while (table[at].at != 0 && !(table[at].hash == h && keys[table[at].at - 1].first == keys[k].first))
      at = (at + 1) & (size - 1);
    if (table[at].at != 0) continue;  // a key already kept
    if (kept != k) keys[kept] = std::move(keys[k]);
    table[at] = {h, static_cast<std::uint32_t>(++kept)};
  }
  keys.resize(kept);
  return table;
}

const std::pair<std::string, std::size_t>* party_registry::lookup(const entries& keys, const std::vector<slot>& table,
                                                                  std::string_view key) {
  if (table.empty()) return nullptr;
  auto mask = table.size() - 1;
  auto h = detail::hash_bytes(key);
  for (auto at = h & mask;; at = (at + 1) & mask) {
    const auto& s = table[at];
    if (s.at == 0) return nullptr;
    if (s.hash == h && detail::same_bytes(keys[s.at - 1].first, key)) return &keys[s.at - 1];
  }
}

const party_info* party_registry::find_key(std::string_view key) const {
  const auto* e = lookup(index_, slots_, key);
  return e ? &parties_[e->second] : nullptr;
}

const party_info* party_registry::find(std::string_view text) const {
  if (const auto* e = lookup(spelled_, spelled_slots_, text)) return &parties_[e->second];
  return find_normalised(text);
}

const party_info* party_registry::find_normalised(std::string_view text) const {
  // the key is built in a buffer on the stack: this runs for every label read and computed
  char buf[128];
  std::size_t n = 0;
  bool fits = true;
  normalise_to(text, [&](char c) {
    if (n < sizeof buf) buf[n++] = c; else fits = false;
    return fits;  // (a key too long for the buffer is built again, below)
  });
  std::string long_key;
  std::string_view key(buf, n);
  if (!fits) {
    long_key = normalise(text);
    key = long_key;
  }
  if (key.empty()) return nullptr;
  if (auto* p = find_key(key)) return p;
  auto stripped = strip_descriptions(key);
  if (stripped.size() != key.size()) return find_key(stripped);
  return nullptr;
}

const party_info* party_registry::independent() const {
  return independent_ < parties_.size() ? &parties_[independent_] : nullptr;
}

std::optional<party_registry> party_registry::from_json(std::string_view json, std::string* error) {
  auto fail = [error](const char* why) -> std::optional<party_registry> {
    if (error) *error = why;
    return std::nullopt;
  };
  // Parsed without exceptions: the wasm build has none, and bad JSON must not abort.
  auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return fail("the registry is not a JSON object");
  auto parties = doc.find("parties");
  if (parties == doc.end() || !parties->is_array()) return fail("the registry has no \"parties\" array");
  std::string independent_label;
  if (auto ind = doc.find("independent"); ind != doc.end() && ind->is_string()) independent_label = ind->get<std::string>();

  party_registry reg;
  for (const auto& p : *parties) {
    if (!p.is_object()) return fail("a party entry is not an object");
    auto label = p.find("label");
    auto name = p.find("name");
    if (label == p.end() || !label->is_string() || name == p.end() || !name->is_string())
      return fail("a party entry lacks a string \"label\" or \"name\"");
    party_info info;
    info.label = label->get<std::string>();
    info.name = name->get<std::string>();
    if (auto c = p.find("colour"); c != p.end() && c->is_string()) info.colour = c->get<std::string>();
    if (auto r = p.find("registered"); r != p.end() && r->is_number_integer()) info.registered = r->get<long>();
    if (auto a = p.find("aliases"); a != p.end() && a->is_array())
      for (const auto& alias : *a)
        if (alias.is_string()) info.aliases.push_back(alias.get<std::string>());
    info.independent = !independent_label.empty() && info.label == independent_label;
    if (info.independent) reg.independent_ = reg.parties_.size();
    reg.parties_.push_back(std::move(info));
  }
  reg.build_index();
  return reg;
}

const party_registry& party_registry::builtin() {
  static const party_registry reg = [] {
    party_registry r;
    r.parties_.reserve(detail::builtin_party_count);
    for (unsigned i = 0; i < detail::builtin_party_count; ++i) {
      const auto& rec = detail::builtin_parties[i];
      party_info info;
      info.label = rec.label;
      info.name = rec.name;
      info.colour = rec.colour;
      info.registered = rec.registered;
      info.independent = rec.independent;
      std::string_view aliases(rec.aliases);
      for (std::size_t s = 0; s < aliases.size();) {
        auto e = aliases.find('\n', s);
        if (e == std::string_view::npos) e = aliases.size();
        if (e > s) info.aliases.emplace_back(aliases.substr(s, e - s));
        s = e + 1;
      }
      if (info.independent) r.independent_ = r.parties_.size();
      r.parties_.push_back(std::move(info));
    }
    r.build_index();
    return r;
  }();
  return reg;
}

}  // namespace wardshare
