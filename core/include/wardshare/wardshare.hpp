/// wardshare/wardshare.hpp - the whole public surface: parse pasted results, compute shares, print them.
///
///     auto doc = wardshare::parse(text);
///     auto res = wardshare::compute(doc, {});           // top method, seats from the text
///     std::string json = wardshare::to_json(res);
#pragma once

#include "wardshare/compute.hpp"
#include "wardshare/diagnostic.hpp"
#include "wardshare/document.hpp"
#include "wardshare/output.hpp"
#include "wardshare/parse.hpp"
#include "wardshare/parties.hpp"
#include "wardshare/summary.hpp"
