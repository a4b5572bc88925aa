/** Public surface of the products module: vendors' network products and upstream components. */
export { productsRoutes } from './products.routes';
export { createProductsService, type ProductsService } from './products.service';
