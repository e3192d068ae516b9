// Keeps the home page counter (and the widget's) ticking between server renders, without any request.
// The server computed the same figures; this repeats its rule: whole years, months and days
// on the couple's calendar (in their time zone), then the time since their local midnight.
(() => {
    function wallClock(instant, zone) {
        const parts = new Intl.DateTimeFormat("en-US", {
            timeZone: zone, hourCycle: "h23",
            year: "numeric", month: "numeric", day: "numeric",
            hour: "numeric", minute: "numeric", second: "numeric",
        }).formatToParts(instant);
        const get = (type) => Number(parts.find((p) => p.type === type).value);
        return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
    }

    function offsetAt(instant, zone) {
        const w = wallClock(instant, zone);
        const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
        return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
    }

    function startOfDay(year, month, day, zone) {
        const guess = Date.UTC(year, month - 1, day);
        const first = guess - offsetAt(new Date(guess), zone);
        return guess - offsetAt(new Date(first), zone);
    }

    const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

    function addMonths(start, months) {
        const total = start.month - 1 + months;
        const year = start.year + Math.floor(total / 12);
        const month = (total % 12) + 1;
        return { year, month, day: Math.min(start.day, daysInMonth(year, month)) };
    }

    const dayNumber = (d) => Date.UTC(d.year, d.month - 1, d.day) / 86400000;

    function elapsed(start, now, zone) {
        const w = wallClock(now, zone);
        const today = { year: w.year, month: w.month, day: w.day };
        if (dayNumber(start) > dayNumber(today)) {
            return { total: 0, years: 0, months: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
        }
        let months = (today.year - start.year) * 12 + today.month - start.month;
        if (dayNumber(addMonths(start, months)) > dayNumber(today)) {
            months--;
        }
        const days = dayNumber(today) - dayNumber(addMonths(start, months));
        const sinceMidnight = Math.max(0, Math.floor((now.getTime() - startOfDay(today.year, today.month, today.day, zone)) / 1000));
        return {
            total: dayNumber(today) - dayNumber(start),
            years: Math.floor(months / 12), months: months % 12, days,
            hours: Math.floor(sinceMidnight / 3600), minutes: Math.floor(sinceMidnight / 60) % 60, seconds: sinceMidnight % 60,
        };
    }

    function isOne(n, lang) {
        return lang === "fr" ? n === 0 || n === 1 : n === 1;
    }

    function tick(counter) {
        const [year, month, day] = counter.dataset.start.split("-").map(Number);
        const values = elapsed({ year, month, day }, new Date(), counter.dataset.zone);
        const lang = document.documentElement.lang;
        const format = new Intl.NumberFormat(lang);
        counter.querySelectorAll("[data-unit]").forEach((element) => {
            const value = values[element.dataset.unit];
            const text = format.format(value);
            if (element.textContent !== text) {
                element.textContent = text;
                const label = element.nextElementSibling;
                if (label) {
                    label.textContent = isOne(value, lang) ? label.dataset.one : label.dataset.other;
                }
            }
        });
    }

    // The next occasion, once the day has turned: the first of the list the server gave that is not past, its
    // countdown counted again. A page left open (the widget on a wall) goes on right for days.
    function turnDay(next, zone) {
        const w = wallClock(new Date(), zone);
        const today = `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
        if (next.dataset.today === today) {
            return;
        }
        next.dataset.today = today;
        const lang = document.documentElement.lang;
        const format = new Intl.NumberFormat(lang);
        const occasions = [...next.querySelectorAll(".occasion")];
        const shown = occasions.find((o) => o.dataset.date >= today);
        occasions.forEach((o) => { o.hidden = o !== shown; });
        next.hidden = !shown;
        if (shown) {
            const [y, m, d] = shown.dataset.date.split("-").map(Number);
            const days = dayNumber({ year: y, month: m, day: d }) - dayNumber(w);
            const count = `${format.format(days)} ${isOne(days, lang) ? next.dataset.dayOne : next.dataset.dayOther}`;
            shown.querySelector(".occasion-when").textContent = days === 0 ? next.dataset.todayText
                : days === 1 ? next.dataset.tomorrowText : next.dataset.inDaysText.replace("{0}", count);
        }
    }

    // At once, then every second: a page served from the site's cache was rendered up to a few seconds ago.
    function tickIfShown() {
        const counter = document.getElementById("counter");
        if (counter && counter.dataset.start) {
            tick(counter);
            const next = counter.querySelector(".next-occasion");
            if (next) {
                turnDay(next, counter.dataset.zone);
            }
        }
    }

    tickIfShown();
    setInterval(tickIfShown, 1000);
})();
