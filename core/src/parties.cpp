// core/src/parties.cpp - the party registry: reading data/parties.json and matching what people write.
#include "wardshare/parties.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "parties_data.hpp"
#include "text.hpp"

namespace wardshare {


namespace {

// Words that describe rather than name: `The Labour Party Candidate` means Labour.
constexpr std::string_view description_prefixes[] = {"the ", "official "};
constexpr std::string_view description_suffixes[] = {" candidate", " party", " the"};

std::string strip_descriptions(std::string key) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto p : description_prefixes)
      if (key.size() > p.size() && key.compare(0, p.size(), p) == 0) { key.erase(0, p.size()); changed = true; }
    for (auto s : description_suffixes)
      if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0) {
        key.erase(key.size() - s.size());
        changed = true;
      }
  }
  return key;
}

std::string without_bracketed(std::string_view text) {
  // `UK Independence Party (UKIP)` is also known as `UK Independence Party`.
  auto open = text.find('(');
  if (open == std::string_view::npos || open == 0) return std::string(text);
  return std::string(detail::trim(text.substr(0, open)));
}

}  // namespace

std::string party_registry::normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (detail::is_alpha(c) || detail::is_digit(c) || u >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += detail::to_lower(c);
    } else if (c == '&') {
      if (!out.empty()) out += ' ';
      out += "and";
      space = true;
    } else if (c == '\'' ) {
      // `Women's` and `Womens` are one word
    } else {
      space = true;
    }
  }
  return out;
}

void party_registry::build_index() {
  index_.clear();
  for (std::size_t i = 0; i < parties_.size(); ++i) {
    const auto& p = parties_[i];
    std::vector<std::string> names{p.label, p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& n : names) {
      for (const auto& variant : {n, without_bracketed(n)}) {
        auto key = normalise(variant);
        if (key.empty()) continue;
        index_.emplace_back(key, i);
        auto stripped = strip_descriptions(key);
        if (stripped != key && !stripped.empty()) index_.emplace_back(stripped, i);
      }
    }
  }
  // Earlier parties win a shared key: the curated entries come first in data/parties.json.
  std::sort(index_.begin(), index_.end());  // by key, then by party index: the earlier party first
  index_.erase(std::unique(index_.begin(), index_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               index_.end());
}

const party_info* party_registry::find(std::string_view text) const {
  auto lookup = [this](const std::string& key) -> const party_info* {
    auto it = std::lower_bound(index_.begin(), index_.end(), key,
                               [](const auto& entry, const std::string& k) { return entry.first < k; });
    if (it != index_.end() && it->first == key) return &parties_[it->second];
    return nullptr;
  };
  auto key = normalise(text);
  if (key.empty()) return nullptr;
  if (auto* p = lookup(key)) return p;
  auto stripped = strip_descriptions(key);
  if (stripped != key) return lookup(stripped);
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
