/** End-to-end tests in a real headless Chromium (Selenium + the system chromedriver); screenshots under target/. */
package cn.perfledger.app.browser;
